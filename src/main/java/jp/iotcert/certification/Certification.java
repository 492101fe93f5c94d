package jp.iotcert.certification;

import java.time.LocalDate;

/** A register entry: one certified service (第11条). */
public record Certification(
    String certificationNumber,
    int serial,
    String corporateNumber,
    String providerName,
    String serviceName,
    String serviceDescription,
    String serviceUrl,
    CertificationStatus status,
    LocalDate firstCertifiedOn,
    LocalDate certifiedOn,
    LocalDate validUntil,
    LocalDate disclosureDate,
    String disclosureJson,
    String withheldJson,
    String applicationNumber,
    LocalDate endedOn,
    /** A renewal application filed in the window and not decided yet (第12条2), or null. */
    String renewalApplicationNumber) {}

package jp.iotcert.application;

import java.time.Instant;
import java.time.LocalDate;

/** An application as stored (申請書 part A and B, and where it stands). */
public record Application(
    String applicationNumber,
    ApplicationType type,
    Channel channel,
    ApplicationStatus status,
    String corporateNumber,
    String providerName,
    String providerAddress,
    String representative,
    String contactName,
    String contactEmail,
    String contactPhone,
    String serviceName,
    String serviceDescription,
    String serviceUrl,
    String disclosureJson,
    String withheldJson,
    String certificationNumber,
    LocalDate applicationDate,
    Instant submittedAt,
    String submittedBy,
    String rulesVersion,
    long feeAmount,
    LocalDate feeDueOn,
    String decision,
    String decisionReasons,
    LocalDate decidedOn,
    String decidedBy,
    String closedReason,
    /** Why the manager certified although the review found the application 不適合 (第6条1); null otherwise. */
    String decisionOverrideReason) {}

package jp.iotcert.registry;

import java.time.LocalDate;
import java.util.List;
import jp.iotcert.certification.PublishedDisclosure;

/** A register entry as published (第11条, CONTRACT.md): published fields only, withheld items left out. */
public record RegistryEntry(
    String certificationNumber,
    String serviceName,
    String providerName,
    String corporateNumber,
    LocalDate firstCertifiedOn,
    LocalDate certifiedOn,
    LocalDate validUntil,
    LocalDate disclosureDate,
    String status,
    LocalDate endedOn,
    List<PublishedDisclosure.Item> disclosure,
    /** Improvement requests the body decided to publish (第16条2). */
    List<PublishedImprovementRequest> improvementRequests,
    String verificationUrl) {

  public record PublishedImprovementRequest(LocalDate requestedOn, String content, LocalDate deadline, String status) {}
}

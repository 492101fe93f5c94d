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
    String verificationUrl,
    /** The published history of the entry (第11条, 第13条, 第16条2, 第17条3), oldest first ({@link PublishedHistory}). */
    List<PublishedEvent> history,
    /** The revocation (第17条3) with its date and the articles of 第17条1 it rests on; null unless revoked. */
    Revocation revocation) {

  public record PublishedImprovementRequest(LocalDate requestedOn, String content, LocalDate deadline, String status) {}

  /** One published history line: the day it took effect, its kind (an event name) and a Japanese description. */
  public record PublishedEvent(LocalDate effectiveOn, String event, String description) {}

  public record Revocation(LocalDate revokedOn, List<String> articles) {}
}

package jp.iotcert.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;

/** GET /api/applications/{applicationNumber}: status, notices sent, open requests (CONTRACT.md). */
public record ApplicationView(
    String applicationNumber,
    String type,
    String channel,
    String status,
    LocalDate applicationDate,
    Instant submittedAt,
    String rulesVersion,
    ApplicationRequest.Provider provider,
    ApplicationRequest.Contact contact,
    ApplicationRequest.Service service,
    List<DisclosureValue> disclosure,
    List<WithheldItemView> withheldItems,
    List<DocumentView> documents,
    ApplicationService.FeeStatus fee,
    List<OpenRequest> openRequests,
    List<NoticeView> notices,
    Decision decision,
    String certificationNumber,
    String closedReason) {

  /**
   * A request to withhold an item (第11条2) and the body's judgement once the review made it.
   *
   * @param judgement {@code ACCEPTED} (withheld) or {@code REJECTED} (published), null until judged
   * @param rejectionReason why the request was rejected; null otherwise
   */
  public record WithheldItemView(String itemId, String reason, String judgement, String rejectionReason) {}

  public record DocumentView(String id, String kind, String fileName, long sizeBytes, String sha256,
      Instant uploadedAt, String href) {}

  /** Something the applicant still has to do, with its deadline. */
  public record OpenRequest(String kind, String message, LocalDate deadline) {}

  /**
   * @param href the notice's letter (PDF) as sent; null for notices made before letters were stored
   * @param template the template it was written from, and {@code templateVersion} its version (staff read
   *     it at GET /api/notice-templates/{template}/versions/{version}); null for notices made before templates
   * @param layoutVersion the version of the letter's layout its letter was rendered with (GET
   *     /api/notice-templates/LETTER_LAYOUT/versions/{version}); null when it has no letter
   */
  public record NoticeView(String kind, String subject, String body, Instant sentAt, String href, String template,
      Integer templateVersion, Integer layoutVersion) {}

  /** @param nonConformityOverride why it was certified although the review found it 不適合 (第6条1); null otherwise */
  public record Decision(String decision, String reasons, LocalDate decidedOn, String nonConformityOverride) {}

  public record Summary(String applicationNumber, String type, String status, String corporateNumber,
      String serviceName, LocalDate applicationDate, String certificationNumber) {}
}

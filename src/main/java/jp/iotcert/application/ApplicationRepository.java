package jp.iotcert.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.document.DocumentKind;
import jp.iotcert.document.UploadedDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApplicationRepository {

  private final JdbcClient jdbc;

  public ApplicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Application a) {
    jdbc.sql("""
        INSERT INTO application (application_number, type, channel, status, corporate_number, provider_name,
          provider_address, representative, contact_name, contact_email, contact_phone, service_name,
          service_description, service_url, disclosure_json, withheld_json, certification_number,
          application_date, submitted_at, submitted_by, rules_version, fee_amount, fee_due_on)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(a.applicationNumber(), a.type().name(), a.channel().name(), a.status().name(), a.corporateNumber(),
            a.providerName(), a.providerAddress(), a.representative(), a.contactName(), a.contactEmail(),
            a.contactPhone(), a.serviceName(), a.serviceDescription(), a.serviceUrl(), a.disclosureJson(),
            a.withheldJson(), a.certificationNumber(), a.applicationDate(), Timestamp.from(a.submittedAt()),
            a.submittedBy(), a.rulesVersion(), a.feeAmount(), a.feeDueOn())
        .update();
  }

  public Optional<Application> find(String applicationNumber) {
    return jdbc.sql("SELECT * FROM application WHERE application_number = ?")
        .param(applicationNumber).query(ApplicationRepository::map).optional();
  }

  public Application get(String applicationNumber) {
    return find(applicationNumber)
        .orElseThrow(() -> new NotFoundException("申請番号 " + applicationNumber + " の申請はありません。"));
  }

  /** Takes the row lock, so concurrent requests on one application are handled one after another. */
  public Application lock(String applicationNumber) {
    return jdbc.sql("SELECT * FROM application WHERE application_number = ? FOR UPDATE")
        .param(applicationNumber).query(ApplicationRepository::map).optional()
        .orElseThrow(() -> new NotFoundException("申請番号 " + applicationNumber + " の申請はありません。"));
  }

  public List<Application> list(String corporateNumberOrNull) {
    if (corporateNumberOrNull == null) {
      return jdbc.sql("SELECT * FROM application ORDER BY submitted_at DESC").query(ApplicationRepository::map).list();
    }
    return jdbc.sql("SELECT * FROM application WHERE corporate_number = ? ORDER BY submitted_at DESC")
        .param(corporateNumberOrNull).query(ApplicationRepository::map).list();
  }

  public void updateStatus(String applicationNumber, ApplicationStatus status) {
    jdbc.sql("UPDATE application SET status = ?, version = version + 1 WHERE application_number = ?")
        .params(status.name(), applicationNumber).update();
  }

  public void updateDisclosure(String applicationNumber, String disclosureJson, String withheldJson) {
    jdbc.sql("UPDATE application SET disclosure_json = ?, withheld_json = ?, version = version + 1 WHERE application_number = ?")
        .params(disclosureJson, withheldJson, applicationNumber).update();
  }

  public void recordDecision(String applicationNumber, String decision, String reasons, String overrideReason,
      LocalDate decidedOn, String decidedBy) {
    jdbc.sql("""
        UPDATE application SET status = ?, decision = ?, decision_reasons = ?, decision_override_reason = ?,
          decided_on = ?, decided_by = ?, version = version + 1 WHERE application_number = ?""")
        .params(ApplicationStatus.DECIDED.name(), decision, reasons, overrideReason, decidedOn, decidedBy,
            applicationNumber)
        .update();
  }

  public void end(String applicationNumber, ApplicationStatus status, String closedReason, Instant at) {
    jdbc.sql("""
        UPDATE application SET status = ?, closed_reason = ?, ended_at = ?, version = version + 1
        WHERE application_number = ?""")
        .params(status.name(), closedReason, Timestamp.from(at), applicationNumber).update();
  }

  /** The mark-use self-declaration of a renewal (第10条7). */
  public void setMarkUseDeclaration(String applicationNumber, String declarationJson) {
    jdbc.sql("UPDATE application SET mark_use_json = ? WHERE application_number = ?")
        .params(declarationJson, applicationNumber).update();
  }

  public void setCertificationNumber(String applicationNumber, String certificationNumber) {
    jdbc.sql("UPDATE application SET certification_number = ? WHERE application_number = ?")
        .params(certificationNumber, applicationNumber).update();
  }

  // Documents

  public void addDocument(String applicationNumber, UploadedDocument document, String sha256, Instant at, String by) {
    jdbc.sql("""
        INSERT INTO application_document (id, application_number, kind, file_name, size_bytes, sha256, content,
          uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), applicationNumber, document.kind().name(), document.fileName(),
            document.content().length, sha256, document.content(), Timestamp.from(at), by)
        .update();
  }

  public List<StoredDocument> documents(String applicationNumber) {
    return jdbc.sql("""
        SELECT id, kind, file_name, size_bytes, sha256, uploaded_at FROM application_document
        WHERE application_number = ? ORDER BY uploaded_at, file_name""")
        .param(applicationNumber)
        .query((rs, i) -> new StoredDocument(rs.getString("id"), DocumentKind.valueOf(rs.getString("kind")),
            rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sha256"),
            rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  public Optional<DocumentContent> documentContent(String applicationNumber, String documentId) {
    return jdbc.sql("SELECT file_name, content FROM application_document WHERE application_number = ? AND id = ?")
        .params(applicationNumber, documentId)
        .query((rs, i) -> new DocumentContent(rs.getString("file_name"), rs.getBytes("content")))
        .optional();
  }

  public void logDocumentRead(String applicationNumber, String documentId, String userId, Instant at) {
    jdbc.sql("INSERT INTO document_read (id, application_number, document_id, user_id, read_at) VALUES (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), applicationNumber, documentId, userId, Timestamp.from(at)).update();
  }

  public record DocumentContent(String fileName, byte[] content) {}

  public record StoredDocument(String id, DocumentKind kind, String fileName, long sizeBytes, String sha256,
      Instant uploadedAt) {}

  static Application map(ResultSet rs, int row) throws SQLException {
    return new Application(
        rs.getString("application_number"),
        ApplicationType.valueOf(rs.getString("type")),
        Channel.valueOf(rs.getString("channel")),
        ApplicationStatus.valueOf(rs.getString("status")),
        rs.getString("corporate_number"),
        rs.getString("provider_name"),
        rs.getString("provider_address"),
        rs.getString("representative"),
        rs.getString("contact_name"),
        rs.getString("contact_email"),
        rs.getString("contact_phone"),
        rs.getString("service_name"),
        rs.getString("service_description"),
        rs.getString("service_url"),
        rs.getString("disclosure_json"),
        rs.getString("withheld_json"),
        rs.getString("certification_number"),
        rs.getObject("application_date", LocalDate.class),
        rs.getTimestamp("submitted_at").toInstant(),
        rs.getString("submitted_by"),
        rs.getString("rules_version"),
        rs.getLong("fee_amount"),
        rs.getObject("fee_due_on", LocalDate.class),
        rs.getString("decision"),
        rs.getString("decision_reasons"),
        rs.getObject("decided_on", LocalDate.class),
        rs.getString("decided_by"),
        rs.getString("closed_reason"),
        rs.getString("decision_override_reason"));
  }
}

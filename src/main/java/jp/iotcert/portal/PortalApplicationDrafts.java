package jp.iotcert.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The portal's application drafts (table application_draft): a company's unfinished application
 * forms. A draft belongs to the company (corporate number), not to one account, so a colleague can
 * finish it; every read and write names the company, so another company's draft is simply not found.
 * Files are never kept in a draft.
 */
@Repository
public class PortalApplicationDrafts {

  /** Enough for real work, few enough that a script cannot fill the table through one account. */
  static final int MAX_PER_COMPANY = 20;

  private final JdbcClient jdbc;

  public PortalApplicationDrafts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Draft(String id, String corporateNumber, String renewalOf, String serviceName, String formJson,
      String updatedBy, Instant updatedAt) {}

  public List<Draft> list(String corporateNumber) {
    return jdbc.sql("""
        SELECT id, corporate_number, renewal_of, service_name, form_json, updated_by, updated_at
        FROM application_draft WHERE corporate_number = ? ORDER BY updated_at DESC""")
        .param(corporateNumber).query(PortalApplicationDrafts::map).list();
  }

  public Optional<Draft> find(String id, String corporateNumber) {
    return jdbc.sql("""
        SELECT id, corporate_number, renewal_of, service_name, form_json, updated_by, updated_at
        FROM application_draft WHERE id = ? AND corporate_number = ?""")
        .params(id, corporateNumber).query(PortalApplicationDrafts::map).optional();
  }

  public int count(String corporateNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM application_draft WHERE corporate_number = ?").param(corporateNumber)
        .query(Integer.class).single();
  }

  public String insert(String corporateNumber, String renewalOf, String serviceName, String formJson, String by,
      Instant at) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        INSERT INTO application_draft (id, corporate_number, renewal_of, service_name, form_json, created_by, created_at,
          updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, corporateNumber, renewalOf, serviceName, formJson, by, Timestamp.from(at), by, Timestamp.from(at))
        .update();
    return id;
  }

  /** @return false when the company has no such draft (deleted meanwhile, or never its own) */
  public boolean update(String id, String corporateNumber, String serviceName, String formJson, String by, Instant at) {
    return jdbc.sql("""
        UPDATE application_draft SET service_name = ?, form_json = ?, updated_by = ?, updated_at = ?
        WHERE id = ? AND corporate_number = ?""")
        .params(serviceName, formJson, by, Timestamp.from(at), id, corporateNumber).update() == 1;
  }

  public boolean delete(String id, String corporateNumber) {
    return jdbc.sql("DELETE FROM application_draft WHERE id = ? AND corporate_number = ?")
        .params(id, corporateNumber).update() == 1;
  }

  private static Draft map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Draft(rs.getString("id"), rs.getString("corporate_number"), rs.getString("renewal_of"),
        rs.getString("service_name"), rs.getString("form_json"), rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }
}

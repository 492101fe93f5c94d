package jp.iotcert.committee;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The opinions of committee members, one per member and application. */
@Repository
public class CommitteeOpinions {

  private final JdbcClient jdbc;

  public CommitteeOpinions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String applicationNumber, String memberId, String opinion, String comment, Instant at) {
    jdbc.sql("DELETE FROM committee_opinion WHERE application_number = ? AND member_id = ?")
        .params(applicationNumber, memberId).update();
    jdbc.sql("""
        INSERT INTO committee_opinion (id, application_number, member_id, opinion, comment, submitted_at)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), applicationNumber, memberId, opinion, comment, Timestamp.from(at))
        .update();
  }

  public List<Opinion> forApplication(String applicationNumber) {
    return jdbc.sql("SELECT member_id, opinion, comment FROM committee_opinion WHERE application_number = ? ORDER BY member_id")
        .param(applicationNumber)
        .query((rs, i) -> new Opinion(rs.getString("member_id"), rs.getString("opinion"), rs.getString("comment")))
        .list();
  }

  public record Opinion(String memberId, String opinion, String comment) {}
}

package jp.iotcert.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests to the applicant to supplement an incomplete application, and their answers. */
@Repository
public class SupplementRequests {

  public static final String OPEN = "OPEN";
  public static final String ANSWERED = "ANSWERED";
  public static final String EXPIRED = "EXPIRED";
  public static final String CANCELLED = "CANCELLED";

  private final JdbcClient jdbc;

  public SupplementRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void open(String applicationNumber, String message, LocalDate deadline, Instant at) {
    jdbc.sql("""
        INSERT INTO supplement_request (id, application_number, message, deadline, requested_at, status)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), applicationNumber, message, deadline, Timestamp.from(at), OPEN)
        .update();
  }

  public Optional<Request> findOpen(String applicationNumber) {
    return jdbc.sql("SELECT * FROM supplement_request WHERE application_number = ? AND status = ?")
        .params(applicationNumber, OPEN).query(SupplementRequests::map).optional();
  }

  public void answer(String id, String answerMessage, Instant at) {
    jdbc.sql("UPDATE supplement_request SET status = ?, answered_at = ?, answer_message = ? WHERE id = ?")
        .params(ANSWERED, Timestamp.from(at), answerMessage, id).update();
  }

  /** Closes whatever request is still open (deadline missed, or the application ended). */
  public void closeOpen(String applicationNumber, String status) {
    jdbc.sql("UPDATE supplement_request SET status = ? WHERE application_number = ? AND status = ?")
        .params(status, applicationNumber, OPEN).update();
  }

  public List<Request> all(String applicationNumber) {
    return jdbc.sql("SELECT * FROM supplement_request WHERE application_number = ? ORDER BY requested_at")
        .param(applicationNumber).query(SupplementRequests::map).list();
  }

  private static Request map(ResultSet rs, int row) throws SQLException {
    Timestamp answered = rs.getTimestamp("answered_at");
    return new Request(rs.getString("id"), rs.getString("message"), rs.getObject("deadline", LocalDate.class),
        rs.getTimestamp("requested_at").toInstant(), answered == null ? null : answered.toInstant(),
        rs.getString("status"));
  }

  public record Request(String id, String message, LocalDate deadline, Instant requestedAt, Instant answeredAt,
      String status) {}
}

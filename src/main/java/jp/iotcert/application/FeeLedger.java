package jp.iotcert.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Review fee payments (第5条). Payments are only ever added: the fee is never refunded (第5条2). */
@Repository
public class FeeLedger {

  private final JdbcClient jdbc;

  public FeeLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String applicationNumber, long amount, LocalDate paidOn, String reference, Instant at, String by) {
    jdbc.sql("""
        INSERT INTO payment (id, application_number, amount, paid_on, reference, recorded_at, recorded_by)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), applicationNumber, amount, paidOn, reference, Timestamp.from(at), by)
        .update();
  }

  public boolean hasReference(String applicationNumber, String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM payment WHERE application_number = ? AND reference = ?")
        .params(applicationNumber, reference).query(Long.class).single() > 0;
  }

  public long paid(String applicationNumber) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payment WHERE application_number = ?")
        .param(applicationNumber).query(Long.class).single();
  }
}

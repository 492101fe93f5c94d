package jp.iotcert.common;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serial numbers that stay unique and gap-free under concurrency: the increment takes the counter row's
 * lock until the transaction ends, so two transactions never read the same value and a rolled-back one
 * gives its value back (H2 and PostgreSQL alike). The lock makes its users run one at a time: keep it
 * for numbers that must have no gaps and are rarely drawn (certification serials, drawn by the
 * manager's decisions). Application numbers come from a sequence instead (ApplicationNumbers). The rows
 * are created by the schema changelog.
 */
@Component
public class Counters {

  public static final String CERTIFICATION = "certification";

  private final JdbcClient jdbc;

  public Counters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public long next(String name) {
    int updated = jdbc.sql("UPDATE app_counter SET counter_value = counter_value + 1 WHERE name = ?")
        .param(name).update();
    if (updated != 1) {
      throw new IllegalStateException("No counter named " + name);
    }
    return jdbc.sql("SELECT counter_value FROM app_counter WHERE name = ?").param(name).query(Long.class).single();
  }
}

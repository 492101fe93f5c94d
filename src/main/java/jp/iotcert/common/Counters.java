package jp.iotcert.common;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serial numbers that stay unique under concurrency: the increment takes the counter row's lock,
 * so two transactions never read the same value (H2 and PostgreSQL alike). The rows are created by
 * the schema changelog.
 */
@Component
public class Counters {

  public static final String APPLICATION = "application";
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

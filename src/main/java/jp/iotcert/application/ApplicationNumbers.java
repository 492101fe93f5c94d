package jp.iotcert.application;

import java.sql.DatabaseMetaData;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Application numbers (`A-YYYY-NNNNNN`): the internal reception number of a submission. They come from
 * the database sequence `application_number_seq` (changelog 020), which takes no lock, so concurrent
 * submissions no longer wait for each other's commit as they did on the locked counter row (issue 13).
 * The price is that a submission that rolls back has used its number: application numbers are unique
 * and increasing but may have gaps, which nothing in the rules forbids. Certification serials, which
 * the public register shows, stay gap-free on the locked counter (CertificationService).
 */
@Component
public class ApplicationNumbers {

  static final String SEQUENCE = "application_number_seq";

  private final DataFieldMaxValueIncrementer sequence;

  public ApplicationNumbers(DataSource dataSource) {
    this.sequence = incrementer(dataSource);
  }

  /** A new number; taken at once, whether or not the caller's transaction commits. */
  public String next(LocalDate today) {
    return String.format("A-%d-%06d", today.getYear(), sequence.nextLongValue());
  }

  private static DataFieldMaxValueIncrementer incrementer(DataSource dataSource) {
    String product;
    try {
      product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell the database for the application number sequence", e);
    }
    return switch (product) {
      case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
      case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
      default -> throw new IllegalStateException("No application number sequence for the database " + product);
    };
  }
}

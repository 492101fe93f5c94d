package jp.iotcert.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which errors mean "the database is unreachable" (503) rather than a bug (500); as seen in PostgresOutageIT. */
class DatabaseUnavailableTest {

  @Test
  void lostOrRefusedConnectionsAreRecognisedThroughTheirCauses() {
    assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    // PostgreSQL ending the connection (57P01), wrapped by the engine
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("ENGINE-03004",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("connection attempt failed", "08001"))).isTrue();
    // The rollback failed on Hikari's closed connection after the query lost it
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection"));
    assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
  }

  @Test
  void otherErrorsAreNot() {
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("no such variable"))).isFalse();
  }
}

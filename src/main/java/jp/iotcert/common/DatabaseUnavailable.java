package jp.iotcert.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached (restarted, failed over, the network cut): a request then fails
 * with 503 and a Japanese problem within the pool's connection timeout, instead of a 500 or a hang.
 * Nothing is recorded by such a request: its transaction never began or was rolled back. Work
 * resumes by itself once the database answers again: the pool opens new connections and the job
 * executor acquires again (docs/operations.md, "Failures").
 */
public final class DatabaseUnavailable {

  /** What the answer suggests to wait; a PostgreSQL restart or a fail-over takes seconds to a minute. */
  public static final int RETRY_AFTER_SECONDS = 30;

  private DatabaseUnavailable() {}

  /** True when a cause of this error is a lost or refused database connection. */
  public static boolean causedBy(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof TransactionSystemException failed && (failed.getCause() instanceof SQLException
          || failed.getApplicationException() != null && causedBy(failed.getApplicationException()))) {
        // The JDBC commit or rollback itself failed (Hikari's "Connection is closed" has no SQLState),
        // or the rollback failed after the connection was lost mid-request (the loss is then the
        // application exception, not the cause).
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          // 08: connection exceptions; 57P01-57P03: administrator or crash shutdown, cannot connect now.
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
    }
    return false;
  }

  public static ProblemDetail problem() {
    return ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "一時的に利用できません",
        "データベースに接続できないため、処理できませんでした。" + RETRY_AFTER_SECONDS + "秒ほどおいて、もう一度お試しください。"
            + "登録や変更の要求だった場合は、反映されたかどうかを確かめてから送り直してください。");
  }
}

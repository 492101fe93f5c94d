package jp.iotcert.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server of the machine (CAMUNDA-NOTES.md: 127.0.0.1:5432, trust authentication).
 * Without it the tests are skipped, loudly; under CI=true a missing server fails the build.
 * Each run gets a freshly created database.
 */
public class PostgresTestDatabase implements ExecutionCondition {

  static final String HOST = env("IOTCERT_TEST_PG_HOST", "localhost");
  static final String PORT = env("IOTCERT_TEST_PG_PORT", "5432");
  static final String USER = env("IOTCERT_TEST_PG_USER", "postgres");
  static final String PASSWORD = env("IOTCERT_TEST_PG_PASSWORD", "");
  /** Appended to every test database's name, so two checkouts can test side by side on one server. */
  static final String DATABASE_SUFFIX = env("IOTCERT_TEST_PG_DB_SUFFIX", "");

  static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    try (Connection ignored = DriverManager.getConnection(url("postgres"), USER, PASSWORD)) {
      return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + HOST + ":" + PORT);
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + HOST + ":" + PORT + " as " + USER + " (" + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but " + message + ". Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
      }
      System.err.println();
      System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      System.err.println("!!! SKIPPED: " + context.getDisplayName() + " -- " + message);
      System.err.println("!!! The PostgreSQL tests did not run. Start PostgreSQL (see README) to run them.");
      System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      System.err.println();
      return ConditionEvaluationResult.disabled("SKIPPED, PostgreSQL not available: " + message);
    }
  }

  /** Drops and creates the database, so every run starts from an empty schema. */
  static String freshDatabase(String baseName) {
    String name = baseName + DATABASE_SUFFIX.replaceAll("[^a-z0-9_]", "");
    try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
      return url(name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database " + name, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

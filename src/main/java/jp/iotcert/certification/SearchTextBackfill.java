package jp.iotcert.certification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Changesets 022 and 024: fills the registry's search columns of the certifications that exist already,
 * with the same Java code ({@link SearchText}) that every insert uses, so old and new rows are found alike.
 * 024 runs it again because search_text changed its last field from the unpublished service description
 * to the published summary item (a database migrated by 022 held the description).
 */
public class SearchTextBackfill implements CustomTaskChange {

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    try (PreparedStatement read = connection.prepareStatement("""
            SELECT certification_number, service_name, provider_name, corporate_number, disclosure_json, withheld_json
            FROM certification""");
        PreparedStatement write = connection.prepareStatement("""
            UPDATE certification SET search_text = ?, search_service = ?, search_provider = ?
            WHERE certification_number = ?""");
        ResultSet rows = query(read)) {
      int pending = 0;
      while (rows.next()) {
        String service = rows.getString("service_name");
        String provider = rows.getString("provider_name");
        write.setString(1, SearchText.of(rows.getString("certification_number"), service, provider,
            rows.getString("corporate_number"),
            SearchText.publishedSummary(rows.getString("disclosure_json"), rows.getString("withheld_json"))));
        write.setString(2, SearchText.normalize(service));
        write.setString(3, SearchText.normalize(provider));
        write.setString(4, rows.getString("certification_number"));
        write.addBatch();
        if (++pending == 500) {
          write.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        write.executeBatch();
      }
    } catch (SQLException e) {
      throw new CustomChangeException("Cannot fill the registry's search columns", e);
    }
  }

  /**
   * Read in pages: the rows carry their disclosure JSON, so a 100,000-row register would otherwise be held
   * in memory at once (PostgreSQL streams with a fetch size as Liquibase's connection is not in autocommit).
   */
  private static ResultSet query(PreparedStatement read) throws SQLException {
    read.setFetchSize(500);
    return read.executeQuery();
  }

  @Override
  public String getConfirmationMessage() {
    return "Registry search columns filled";
  }

  @Override
  public void setUp() {}

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {}

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}

package jp.iotcert.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase change (iotcert-015): stores version 1 of every notice kind that has no template yet,
 * from classpath:notice-templates. Run on every start, so a kind added with a new default file is
 * seeded too, and a kind staff have changed is never touched.
 */
public class NoticeTemplateSeed implements CustomTaskChange {

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM notice_template WHERE kind = ?");
        PreparedStatement insert = connection.prepareStatement("""
            INSERT INTO notice_template (kind, version, subject, body, created_by, created_at, change_comment)
            VALUES (?, 1, ?, ?, 'system', ?, ?)""")) {
      for (Map.Entry<String, String[]> e : NoticeTemplates.readDefaults().entrySet()) {
        exists.setString(1, e.getKey());
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            continue;
          }
        }
        insert.setString(1, e.getKey());
        insert.setString(2, e.getValue()[0]);
        insert.setString(3, e.getValue()[1]);
        insert.setTimestamp(4, Timestamp.from(Instant.now()));
        insert.setString(5, "初期値（notice-templates/" + e.getKey() + ".mustache）");
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new CustomChangeException("Notice templates could not be seeded", e);
    }
  }

  @Override
  public String getConfirmationMessage() {
    return "Notice templates seeded";
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

package jp.iotcert.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import jp.iotcert.paperwork.NoticeLetterPdf;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase change (iotcert-015): stores version 1 of every notice kind that has no template yet,
 * from classpath:notice-templates (the texts, and the letter's layout LETTER_LAYOUT.xhtml), and a new version of a kind whose default file changed while its
 * latest version is still a seeded default. Run on every start, so a kind added with a new default
 * file is seeded too, a changed default becomes a version of its own (never an overwrite), and a
 * kind staff have changed is never touched.
 */
public class NoticeTemplateSeed implements CustomTaskChange {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeTemplateSeed.class);
  /** The author of the versions that come from the default files. */
  static final String SYSTEM = "system";

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    try {
      seed(connection, NoticeTemplates.readDefaults(), Instant.now());
    } catch (SQLException e) {
      throw new CustomChangeException("Notice templates could not be seeded", e);
    }
  }

  /**
   * For each default text: version 1 when the kind has no template; a new version when the default
   * changed since the latest version was seeded and nobody has changed that kind (its latest version
   * is the system's), so notices written after the upgrade use the new default and the old ones keep
   * the version they came from. A kind whose latest version is staff's is left alone: their text is
   * the body's decision (a warning says the default changed, so they can take it over).
   */
  static void seed(Connection connection, Map<String, String[]> defaults, Instant now) throws SQLException {
    try (PreparedStatement latest = connection.prepareStatement("""
            SELECT version, subject, body, created_by FROM notice_template WHERE kind = ?
            ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""");
        PreparedStatement insert = connection.prepareStatement("""
            INSERT INTO notice_template (kind, version, subject, body, created_by, created_at, change_comment)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      for (Map.Entry<String, String[]> e : defaults.entrySet()) {
        String kind = e.getKey();
        String subject = e.getValue()[0];
        String body = e.getValue()[1];
        latest.setString(1, kind);
        int next = 1;
        String file = NoticeTemplates.LAYOUT.equals(kind) ? NoticeLetterPdf.DEFAULT_LAYOUT : "notice-templates/" + kind + ".mustache";
        String comment = "初期値（" + file + "）";
        try (ResultSet rs = latest.executeQuery()) {
          if (rs.next()) {
            if (subject.equals(rs.getString("subject")) && body.equals(rs.getString("body"))) {
              continue;
            }
            if (!SYSTEM.equals(rs.getString("created_by"))) {
              LOG.warn("The default text of notice template {} changed, but its current version {} was written by {}:"
                  + " left as it is; staff may take the new default over ({})", kind,
                  rs.getInt("version"), rs.getString("created_by"), file);
              continue;
            }
            next = rs.getInt("version") + 1;
            comment = "初期値の更新（" + file + "）";
          }
        }
        insert.setString(1, kind);
        insert.setInt(2, next);
        insert.setString(3, subject);
        insert.setString(4, body);
        insert.setString(5, SYSTEM);
        insert.setTimestamp(6, Timestamp.from(now));
        insert.setString(7, comment);
        insert.executeUpdate();
      }
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

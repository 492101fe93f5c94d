package jp.iotcert.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.iotcert.paperwork.NoticeLetterPdf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed of the default notice texts on every start: a changed default becomes a new version of
 * its own (notices keep the version they were written from), never an overwrite, and never over a
 * text staff wrote.
 */
class NoticeTemplateSeedTest {

  private Connection db;

  @BeforeEach
  void database() throws Exception {
    db = DriverManager.getConnection("jdbc:h2:mem:seed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Statement s = db.createStatement()) {
      s.execute("""
          CREATE TABLE notice_template (kind VARCHAR(64) NOT NULL, version INT NOT NULL, subject VARCHAR(400) NOT NULL,
            body CLOB NOT NULL, created_by VARCHAR(100) NOT NULL, created_at TIMESTAMP NOT NULL,
            change_comment VARCHAR(1000), PRIMARY KEY (kind, version))""");
    }
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  @Test
  void aKindWithoutTemplateGetsVersionOneAndAnUnchangedDefaultNothingMore() throws Exception {
    NoticeTemplateSeed.seed(db, Map.of("WITHDRAWN", new String[] {"件名", "本文\n"}), Instant.now());
    NoticeTemplateSeed.seed(db, Map.of("WITHDRAWN", new String[] {"件名", "本文\n"}), Instant.now());

    assertThat(versions("WITHDRAWN")).containsExactly("1 system 件名 本文\n");
  }

  @Test
  void aChangedDefaultBecomesTheNextVersionAndTheOldOneStays() throws Exception {
    NoticeTemplateSeed.seed(db, Map.of("SUPPLEMENT_REQUESTED",
        new String[] {"【補正のお願い】", "補正は POST /api/applications/{{applicationNumber}}/supplements で提出してください。\n"}),
        Instant.now());

    NoticeTemplateSeed.seed(db, Map.of("SUPPLEMENT_REQUESTED",
        new String[] {"【補正のお願い】", "補正は申請者ポータル（{{portalUrl}}）から提出してください。\n"}), Instant.now());
    NoticeTemplateSeed.seed(db, Map.of("SUPPLEMENT_REQUESTED",
        new String[] {"【補正のお願い】", "補正は申請者ポータル（{{portalUrl}}）から提出してください。\n"}), Instant.now());

    assertThat(versions("SUPPLEMENT_REQUESTED")).containsExactly(
        "1 system 【補正のお願い】 補正は POST /api/applications/{{applicationNumber}}/supplements で提出してください。\n",
        "2 system 【補正のお願い】 補正は申請者ポータル（{{portalUrl}}）から提出してください。\n");
    assertThat(comment("SUPPLEMENT_REQUESTED", 2)).isEqualTo("初期値の更新（notice-templates/SUPPLEMENT_REQUESTED.mustache）");
  }

  @Test
  void theLettersLayoutIsSeededFromItsXhtmlFileLikeTheTexts() throws Exception {
    NoticeTemplateSeed.seed(db, NoticeTemplates.readDefaults(), Instant.now());

    assertThat(versions(NoticeTemplates.LAYOUT)).singleElement().asString()
        .startsWith("1 system " + NoticeTemplates.LAYOUT_NAME + " <html").contains("{{body}}", "@page");
    assertThat(comment(NoticeTemplates.LAYOUT, 1)).isEqualTo("初期値（notice-templates/LETTER_LAYOUT.xhtml）");
    assertThat(versions("CERTIFIED")).hasSize(1);
    NoticeTemplateSeed.seed(db, Map.of(NoticeTemplates.LAYOUT,
        new String[] {NoticeTemplates.LAYOUT_NAME, NoticeLetterPdf.defaultLayout().replace("以上", "以上。")}), Instant.now());
    assertThat(versions(NoticeTemplates.LAYOUT)).hasSize(2);
    assertThat(comment(NoticeTemplates.LAYOUT, 2)).isEqualTo("初期値の更新（notice-templates/LETTER_LAYOUT.xhtml）");
  }

  @Test
  void aTextStaffWroteIsNeverReplacedByAChangedDefault() throws Exception {
    NoticeTemplateSeed.seed(db, Map.of("SUPPLEMENT_REQUESTED", new String[] {"旧件名", "旧本文\n"}), Instant.now());
    try (Statement s = db.createStatement()) {
      s.execute("""
          INSERT INTO notice_template VALUES ('SUPPLEMENT_REQUESTED', 2, '事務局の件名', '事務局の本文', 'staff1',
            CURRENT_TIMESTAMP, '文面の改訂')""");
    }

    NoticeTemplateSeed.seed(db, Map.of("SUPPLEMENT_REQUESTED", new String[] {"新件名", "新本文\n"}), Instant.now());

    assertThat(versions("SUPPLEMENT_REQUESTED")).containsExactly("1 system 旧件名 旧本文\n",
        "2 staff1 事務局の件名 事務局の本文");
  }

  private List<String> versions(String kind) throws Exception {
    List<String> rows = new ArrayList<>();
    try (var q = db.prepareStatement("SELECT * FROM notice_template WHERE kind = ? ORDER BY version")) {
      q.setString(1, kind);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getInt("version") + " " + rs.getString("created_by") + " " + rs.getString("subject") + " "
              + rs.getString("body"));
        }
      }
    }
    return rows;
  }

  private String comment(String kind, int version) throws Exception {
    try (var q = db.prepareStatement("SELECT change_comment FROM notice_template WHERE kind = ? AND version = ?")) {
      q.setString(1, kind);
      q.setInt(2, version);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}

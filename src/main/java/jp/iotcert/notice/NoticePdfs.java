package jp.iotcert.notice;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.paperwork.NoticeLetterPdf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The letter (PDF) of each notice, rendered once from the notice as recorded, in the layout current
 * then (template kind LETTER_LAYOUT, whose version the notice records), and stored beside it (table
 * notice_letter): what was sent stays what was sent, whatever later happens to the texts or the layout;
 * a letter is never rendered again. The mail attaches it ({@link NoticeMailer}); the API lets the
 * provider and staff download it.
 */
@Component
public class NoticePdfs {

  /** More layouts than this compiled at once means old versions are no longer used: the cache starts afresh. */
  private static final int MAX_COMPILED = 16;

  private final JdbcClient jdbc;
  private final NoticeLetterPdf letters;
  private final NoticeTemplates templates;
  /**
   * Layouts compiled once, by their text (a version's text never changes), so a timer storm's thousands of
   * letters compile the layout once, not once each.
   */
  private final Map<String, NoticeLetterPdf.Layout> compiled = new ConcurrentHashMap<>();

  public NoticePdfs(JdbcClient jdbc, NoticeLetterPdf letters, NoticeTemplates templates) {
    this.jdbc = jdbc;
    this.letters = letters;
    this.templates = templates;
  }

  /** A notice's letter as rendered, and the layout version it was rendered with. */
  record Letter(int layoutVersion, byte[] pdf) {}

  /** Renders the letter of a notice about to be recorded, from its texts, in the current layout. */
  Letter render(String noticeId, String subject, String body, Instant sentAt) {
    NoticeTemplates.Version layout = templates.current(NoticeTemplates.LAYOUT);
    if (compiled.size() >= MAX_COMPILED) {
      compiled.clear();
    }
    NoticeLetterPdf.Layout compiledLayout = compiled.computeIfAbsent(layout.body(), letters::layout);
    return new Letter(layout.version(), letters.render(compiledLayout, subject, body,
        LocalDate.ofInstant(sentAt, BusinessCalendar.ZONE), noticeId));
  }

  /** Stores the letter of a notice just recorded (same transaction). */
  void store(String noticeId, Letter letter) {
    jdbc.sql("INSERT INTO notice_letter (notice_id, pdf, sha256) VALUES (?, ?, ?)")
        .params(noticeId, letter.pdf(), sha256(letter.pdf())).update();
  }

  /** The stored letter of a notice; empty for notices made before letters were stored. */
  public Optional<byte[]> pdfOf(String noticeId) {
    return jdbc.sql("SELECT pdf FROM notice_letter WHERE notice_id = ?").param(noticeId)
        .query((rs, i) -> rs.getBytes("pdf")).optional();
  }

  /** The letter of a notice about this application, if the notice is one and has a letter. */
  public Optional<byte[]> ofApplication(String applicationNumber, String noticeId) {
    return jdbc.sql("""
        SELECT l.pdf FROM notice_letter l JOIN notice n ON n.id = l.notice_id
        WHERE l.notice_id = ? AND n.application_number = ?""")
        .params(noticeId, applicationNumber).query((rs, i) -> rs.getBytes("pdf")).optional();
  }

  /** The letter of a notice about this certification, if the notice is one and has a letter. */
  public Optional<byte[]> ofCertification(String certificationNumber, String noticeId) {
    return jdbc.sql("""
        SELECT l.pdf FROM notice_letter l JOIN notice n ON n.id = l.notice_id
        WHERE l.notice_id = ? AND n.certification_number = ?""")
        .params(noticeId, certificationNumber).query((rs, i) -> rs.getBytes("pdf")).optional();
  }

  /** The SHA-256 of the stored letter (hex): shows that a letter was not changed after it was sent. */
  public Optional<String> sha256Of(String noticeId) {
    return jdbc.sql("SELECT sha256 FROM notice_letter WHERE notice_id = ?").param(noticeId)
        .query(String.class).optional();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}

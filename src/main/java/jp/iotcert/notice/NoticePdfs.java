package jp.iotcert.notice;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.paperwork.NoticeLetterPdf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The letter (PDF) of each notice, rendered once from the notice as recorded and stored beside it
 * (table notice_letter): what was sent stays what was sent, whatever later happens to the texts or
 * the layout. The mail attaches it ({@link NoticeMailer}); the API lets the provider and staff download it.
 */
@Component
public class NoticePdfs {

  private final JdbcClient jdbc;
  private final NoticeLetterPdf letters;

  public NoticePdfs(JdbcClient jdbc, NoticeLetterPdf letters) {
    this.jdbc = jdbc;
    this.letters = letters;
  }

  /** Renders and stores the letter of a notice just recorded, from its texts as recorded (same transaction). */
  void store(String noticeId, String subject, String body, Instant sentAt) {
    byte[] pdf = letters.render(subject, body, LocalDate.ofInstant(sentAt, BusinessCalendar.ZONE), noticeId);
    jdbc.sql("INSERT INTO notice_letter (notice_id, pdf, sha256) VALUES (?, ?, ?)")
        .params(noticeId, pdf, sha256(pdf)).update();
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

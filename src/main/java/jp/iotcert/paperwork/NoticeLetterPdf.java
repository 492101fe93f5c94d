package jp.iotcert.paperwork;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import jp.iotcert.common.JapaneseDates;

/**
 * A notice as a letter (第6条4, 第17条2 written notice): the date in Japanese at the top right, the
 * addressee (the body's 「… 御中」 line), the subject, the body, and the signature at the right.
 * Rendered once when the notice is made; the stored file is what was sent.
 */
@Component
public class NoticeLetterPdf {

  /** The signature every notice ends with (the last line of every default template, notice-templates/*.mustache). */
  static final String SIGNATURE = "認定機関 事務局";

  private final DocumentFont font;

  public NoticeLetterPdf(DocumentFont font) {
    this.font = font;
  }

  /**
   * @param reference printed small at the foot of the text, so a letter on paper leads back to its record
   */
  public byte[] render(String subject, String body, LocalDate dated, String reference) {
    List<String> lines = new ArrayList<>(Arrays.asList(body.strip().split("\r?\n", -1)));
    String addressee = !lines.isEmpty() && (lines.get(0).endsWith("御中") || lines.get(0).endsWith("様"))
        ? lines.remove(0) : null;
    boolean signed = !lines.isEmpty() && lines.get(lines.size() - 1).strip().equals(SIGNATURE);
    if (signed) {
      lines.remove(lines.size() - 1);
    }
    String text = String.join("\n", lines).strip();
    try (Sheet sheet = new Sheet(font, subject, dated, subject + "\n" + body + "\n" + dated + "\n" + reference)) {
      sheet.right(JapaneseDates.format(dated), 10.5f);
      sheet.skip(12);
      if (addressee != null) {
        sheet.paragraph(addressee, 12, Sheet.MARGIN);
      }
      sheet.skip(8);
      sheet.right(SIGNATURE, 10.5f);
      sheet.skip(20);
      for (String line : sheet.wrap(subject, 14, Sheet.WIDTH - 2 * Sheet.MARGIN)) {
        sheet.centred(line, 14);
      }
      sheet.skip(16);
      sheet.paragraph(text, 10.5f, Sheet.MARGIN);
      sheet.skip(16);
      sheet.right("以上", 10.5f);
      sheet.skip(24);
      sheet.paragraph("通知番号: " + reference, 8, Sheet.MARGIN);
      return sheet.bytes();
    }
  }
}

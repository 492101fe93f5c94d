package jp.iotcert.paperwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A4 pages written top to bottom in one Japanese font: lines wrapped at the right margin (Japanese
 * has no spaces, so wrapping is by character) and a new page when the bottom margin is reached.
 */
final class Sheet implements AutoCloseable {

  static final float WIDTH = PDRectangle.A4.getWidth();
  static final float HEIGHT = PDRectangle.A4.getHeight();
  static final float MARGIN = 64;
  static final String MISSING = "〓";

  private final PDDocument document = new PDDocument();
  private final DocumentFont documentFont;
  private final TrueTypeFont ttf;
  private final PDFont font;
  private PDPageContentStream content;
  private final String identity;
  private float y;

  /** @param identity what makes this document this one (its number, its text): the source of the file identifier */
  Sheet(DocumentFont documentFont, String title, LocalDate dated, String identity) {
    this.identity = identity;
    this.documentFont = documentFont;
    try {
      ttf = documentFont.borrow();
      font = DocumentFont.embed(document, ttf);
      // Fixed metadata (no clock): the same content gives the same file.
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setProducer("iotcert");
      Calendar at = GregorianCalendar.from(dated.atStartOfDay(ZoneId.of("Asia/Tokyo")));
      at.setTimeZone(TimeZone.getTimeZone("Asia/Tokyo"));
      info.setCreationDate(at);
      newPage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  float y() {
    return y;
  }

  void moveTo(float y) {
    this.y = y;
  }

  void skip(float points) {
    y -= points;
  }

  PDPageContentStream content() {
    return content;
  }

  float width(String text, float size) {
    try {
      return font.getStringWidth(printable(text)) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line at x on the current line position (no wrapping), then down by the line height. */
  void line(String text, float size, float x) {
    ensureRoom(size * 1.7f);
    y -= size * 1.7f;
    text(text, size, x, y);
  }

  void centred(String text, float size) {
    line(text, size, (WIDTH - width(text, size)) / 2);
  }

  void right(String text, float size) {
    line(text, size, WIDTH - MARGIN - width(text, size));
  }

  /** Text wrapped between x and the right margin; each '\n' starts a new line, an empty line leaves a gap. */
  void paragraph(String text, float size, float x) {
    for (String hard : text.split("\n", -1)) {
      for (String line : wrap(hard, size, WIDTH - MARGIN - x)) {
        line(line, size, x);
      }
    }
  }

  void text(String text, float size, float x, float y) {
    try {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, y);
      content.showText(printable(text));
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text with what the font cannot draw (emoji, rare characters, control characters) shown as 〓,
   * the placeholder of Japanese print: a service name with an emoji must not stop a notice.
   */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      String ch = Character.toString(cp);
      if (cp == '\t') {
        out.append("  ");
      } else if (Character.isISOControl(cp) || !drawable(ch)) {
        out.append(MISSING);
      } else {
        out.append(ch);
      }
    });
    return out.toString();
  }

  private boolean drawable(String ch) {
    try {
      font.encode(ch);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  List<String> wrap(String text, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    // A line's width is the sum of its glyphs' widths (no kerning here), so it grows by one glyph at a
    // time instead of measuring the whole line again for every character added (issue 13).
    float lineWidth = 0;
    for (int cp : printable(text).codePoints().toArray()) {
      float glyph = width(Character.toString(cp), size);
      if (lineWidth + glyph > maxWidth && !line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
      }
      line.appendCodePoint(cp);
      lineWidth += glyph;
    }
    lines.add(line.toString());
    return lines;
  }

  byte[] bytes() {
    try {
      content.close();
      // The file identifier (normally random) from the document's own text: same content, same file.
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(identity.getBytes(StandardCharsets.UTF_8));
      COSString id = new COSString(md5.digest());
      COSArray ids = new COSArray();
      ids.add(id);
      ids.add(id);
      document.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      // Only now: the subset is written from the font when the document is saved.
      documentFont.giveBack(ttf);
    }
  }

  private void ensureRoom(float height) {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = HEIGHT - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

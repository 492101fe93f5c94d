package jp.iotcert.paperwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Japanese font of every PDF the body issues (IPAex Gothic by default), read once at start-up:
 * a certificate or a notice letter without its font would be unreadable, so a missing font stops
 * the application with a message naming the path instead of failing on the first notice.
 */
@Component
public class DocumentFont {

  /** Text the font must be able to draw (the words every certificate and letter prints). */
  static final String PROBE = "認定証御中年月日事務局";

  /** Parsed fonts kept for reuse: one per document being written at once (job threads, requests). */
  static final int MAX_KEPT = 8;

  private final Path path;
  private final byte[] bytes;
  private final Queue<TrueTypeFont> free = new ConcurrentLinkedQueue<>();
  private final AtomicInteger kept = new AtomicInteger();

  public DocumentFont(@Value("${iotcert.documents.font}") String path) {
    this.path = Path.of(path);
    this.bytes = read(this.path);
  }

  /**
   * A parsed font for one document at a time, to {@link #giveBack} once the document is saved and
   * closed. Parsing the whole IPAex font took most of a notice job's CPU in a timer storm (issue 13,
   * docs/performance.md), so parsed fonts are reused: a TrueTypeFont is not safe for two threads at once,
   * hence one per document in progress, from a free list, never shared while in use.
   */
  TrueTypeFont borrow() throws IOException {
    TrueTypeFont ttf = free.poll();
    if (ttf != null) {
      kept.decrementAndGet();
    }
    return ttf != null ? ttf : parse(bytes);
  }

  private static TrueTypeFont parse(byte[] bytes) throws IOException {
    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    // No glyph substitution: horizontal Japanese needs none, and PDFBox's Latin GSUB worker ran regular
    // expressions over every line drawn, a third of a notice job's CPU in a timer storm (issue 13).
    ttf.setEnableGsub(false);
    return ttf;
  }

  /** Returns a borrowed font; kept for the next document unless enough are kept already. */
  void giveBack(TrueTypeFont ttf) {
    if (ttf == null) {
      return;
    }
    if (kept.incrementAndGet() <= MAX_KEPT) {
      free.offer(ttf);
    } else {
      kept.decrementAndGet();
      closeQuietly(ttf);
    }
  }

  /** The font embedded (as a subset) in the given document; the caller keeps {@code ttf} until the document is closed. */
  static PDFont embed(PDDocument document, TrueTypeFont ttf) throws IOException {
    // This overload leaves the TrueTypeFont open when the document closes: it goes back to the free list.
    return PDType0Font.load(document, ttf, true);
  }

  private static void closeQuietly(TrueTypeFont ttf) {
    try {
      ttf.close();
    } catch (IOException e) {
      // Only the in-memory buffer it read from: nothing to release.
    }
  }

  Path path() {
    return path;
  }

  private static byte[] read(Path path) {
    String hint = "Debian/Ubuntu: apt-get install fonts-ipaexfont-gothic. Or set iotcert.documents.font "
        + "(environment IOTCERT_DOCUMENTS_FONT) to a Japanese TrueType font file. / "
        + "IPAexゴシックを導入するか（apt-get install fonts-ipaexfont-gothic）、iotcert.documents.font"
        + "（環境変数 IOTCERT_DOCUMENTS_FONT）に日本語のTrueTypeフォントファイルを指定してください。";
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalStateException("PDF font not found or not readable: " + path
          + " (iotcert.documents.font) / PDF用の日本語フォントが見つからないか読めません: " + path + "\n" + hint);
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
        for (int i = 0; i < PROBE.length(); i++) {
          if (ttf.getUnicodeCmapLookup().getGlyphId(PROBE.charAt(i)) == 0) {
            throw new IllegalStateException("PDF font has no Japanese glyphs: " + path
                + " (iotcert.documents.font) / PDF用のフォントに日本語の文字がありません: " + path + "\n" + hint);
          }
        }
      }
      return bytes;
    } catch (IOException e) {
      throw new IllegalStateException("PDF font is not a TrueType font: " + path
          + " (iotcert.documents.font) / PDF用のフォントをTrueTypeとして読めません: " + path + "\n" + hint, e);
    }
  }
}

package jp.iotcert.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Parsed fonts are reused from document to document (a timer storm's letters spent most of their CPU
 * parsing the font): a reused font gives the same file as a fresh one, and documents written at once
 * on several threads each get a font of their own.
 */
class DocumentFontReuseTest {

  private static final LocalDate DATED = LocalDate.of(2026, 11, 30);

  @Test
  void aFontGivenBackIsLentAgainAndGivesTheSameFile() throws Exception {
    DocumentFont font = new DocumentFont(CertificatePdfTest.FONT);
    NoticeLetterPdf letters = new NoticeLetterPdf(font);
    byte[] first = letters.render(NoticeLetterPdfTest.DEFAULT, "【お知らせ】一通目", "株式会社テスト 御中\n\n有効期間が満了しました。\n", DATED, "n-1");
    TrueTypeFont lent = font.borrow();
    font.giveBack(lent);
    byte[] again = letters.render(NoticeLetterPdfTest.DEFAULT, "【お知らせ】一通目", "株式会社テスト 御中\n\n有効期間が満了しました。\n", DATED, "n-1");
    assertThat(font.borrow()).isSameAs(lent);
    // Other glyphs in between must not leak into the next document's subset.
    assertThat(again).isEqualTo(first);
    assertThat(new NoticeLetterPdf(new DocumentFont(CertificatePdfTest.FONT))
        .render(NoticeLetterPdfTest.DEFAULT, "【お知らせ】一通目", "株式会社テスト 御中\n\n有効期間が満了しました。\n", DATED, "n-1")).isEqualTo(first);
  }

  @Test
  void documentsWrittenAtOnceEachReadTheirOwnText() throws Exception {
    NoticeLetterPdf letters = new NoticeLetterPdf(new DocumentFont(CertificatePdfTest.FONT));
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> texts = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String service = "見守りクラウド" + "壱弐参肆伍陸漆捌玖拾".charAt(i % 10) + i;
        Callable<String> letter = () -> {
          byte[] pdf = letters.render(NoticeLetterPdfTest.DEFAULT, "【満了】" + service, "株式会社テスト 御中\n\nサービス「" + service + "」\n", DATED, service);
          try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
          }
        };
        texts.add(threads.submit(letter));
      }
      for (int i = 0; i < texts.size(); i++) {
        String service = "見守りクラウド" + "壱弐参肆伍陸漆捌玖拾".charAt(i % 10) + i;
        assertThat(texts.get(i).get()).contains("サービス「" + service + "」");
      }
    } finally {
      threads.shutdownNow();
    }
  }
}

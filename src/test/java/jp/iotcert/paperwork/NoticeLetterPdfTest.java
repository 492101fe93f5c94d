package jp.iotcert.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A notice as a letter: date, addressee, sender, subject, body, in the embedded Japanese font. */
class NoticeLetterPdfTest {

  /** The default layout (notice-templates/LETTER_LAYOUT.xhtml), compiled. */
  static final NoticeLetterPdf.Layout DEFAULT =
      new NoticeLetterPdf(new DocumentFont(CertificatePdfTest.FONT)).layout(NoticeLetterPdf.defaultLayout());

  private final NoticeLetterPdf letters = new NoticeLetterPdf(new DocumentFont(CertificatePdfTest.FONT));

  private static final String BODY = """
      株式会社テスト製作所 御中

      申請番号 A-2026-000001 のサービス「スマート工場監視クラウド」について、審査の結果、認定を実施しないこととしました（第6条第4項）。

      認定を実施しない理由:
      開示項目 B-21 の内容が基準を満たしていません。

      認定機関 事務局
      """;

  @Test
  void lettersCarryDateAddresseeSenderSubjectAndBody() throws Exception {
    byte[] pdf = letters.render(DEFAULT, "【審査結果通知】申請 A-2026-000001 について", BODY, LocalDate.of(2026, 11, 30), "n-1");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("2026年11月30日", "株式会社テスト製作所 御中", "認定機関 事務局",
          "【審査結果通知】申請 A-2026-000001 について", "開示項目 B-21 の内容が基準を満たしていません。", "通知番号: n-1");
      // The addressee and the signature are printed once, in their places, not again inside the body.
      assertThat(text.split("御中", -1)).hasSize(2);
      assertThat(text.split("認定機関 事務局", -1)).hasSize(2);
      assertThat(text.indexOf("御中")).isLessThan(text.indexOf("【審査結果通知】"));
      assertThat(CertificatePdfTest.fonts(doc)).allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
      Files.createDirectories(Path.of("target"));
      ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", Path.of("target/letter-example.png").toFile());
    }
  }

  @Test
  void aLongBodyContinuesOnAFurtherPage() throws Exception {
    String body = "株式会社テスト 御中\n\n" + "改善の要請内容を記載します。\n".repeat(80) + "最後の行です。\n\n認定機関 事務局\n";
    try (PDDocument doc = Loader.loadPDF(letters.render(DEFAULT, "【改善要請】", body, LocalDate.of(2026, 11, 30), "n-2"))) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      assertThat(new PDFTextStripper().getText(doc)).contains("最後の行です。");
    }
  }

  @Test
  void whatTheFontCannotDrawIsShownAsGetaInsteadOfStoppingTheNotice() throws Exception {
    String body = "株式会社テスト 御中\n\nサービス「見守り😀クラウド」\tについて\u0007お知らせします。\n\n認定機関 事務局\n";
    try (PDDocument doc = Loader.loadPDF(letters.render(DEFAULT, "【お知らせ】見守り😀クラウド", body, LocalDate.of(2026, 11, 30), "n-3"))) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("見守り〓クラウド", "について〓お知らせします。").doesNotContain("😀");
    }
  }
}

package jp.iotcert.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The certificate PDF read back the way a person and a phone read it: its text, its font, its QR code. */
class CertificatePdfTest {

  static final String FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

  private final CertificatePdf pdf = new CertificatePdf(new DocumentFont(FONT));

  static final CertificatePdf.Content CONTENT = new CertificatePdf.Content("IOT-2604-0007", "スマート工場監視クラウド",
      "株式会社テスト製作所", "1234567890123", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1),
      LocalDate.of(2028, 3, 31), "https://registry.iotcert.example.jp/registry/IOT-2604-0007");

  @Test
  void statesNumberServiceProviderDatesAndValidityInJapanese() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.render(CONTENT))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("認定証", "IOT-2604-0007", "スマート工場監視クラウド", "株式会社テスト製作所",
          "1234567890123", "2026年4月1日", "2028年3月31日", CONTENT.verificationUrl());
    }
  }

  @Test
  void embedsTheIpaexFont() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.render(CONTENT))) {
      List<PDFont> fonts = fonts(doc);
      assertThat(fonts).isNotEmpty().allSatisfy(f -> {
        assertThat(f.isEmbedded()).as(f.getName()).isTrue();
        assertThat(f.getName()).contains("IPAex");
      });
    }
  }

  @Test
  void qrCodeDecodesToTheVerificationUrl() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.render(CONTENT))) {
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
      // Kept for a look at the layout (target/ only).
      Files.createDirectories(Path.of("target"));
      ImageIO.write(page, "png", Path.of("target/certificate-example.png").toFile());
      Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
          new BufferedImageLuminanceSource(page))));
      assertThat(result.getText()).isEqualTo(CONTENT.verificationUrl());
    }
  }

  @Test
  void theSameRecordGivesTheSameFile() {
    assertThat(Arrays.equals(pdf.render(CONTENT), pdf.render(CONTENT))).isTrue();
  }

  @Test
  void aLongServiceNameWrapsInsteadOfRunningOffThePage() throws Exception {
    String longName = "とても長い名前のクラウドサービス".repeat(6);
    try (PDDocument doc = Loader.loadPDF(pdf.render(new CertificatePdf.Content("IOT-2604-0008", longName, "株式会社テスト",
        "1234567890123", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2028, 3, 31),
        "http://localhost:8080/registry/IOT-2604-0008")))) {
      String text = new PDFTextStripper().getText(doc).replace("\n", "").replace("\r", "");
      assertThat(text).contains(longName);
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
    }
  }

  static List<PDFont> fonts(PDDocument doc) throws Exception {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : doc.getPages()) {
      for (COSName name : page.getResources().getFontNames()) {
        fonts.add(page.getResources().getFont(name));
      }
    }
    return fonts;
  }
}

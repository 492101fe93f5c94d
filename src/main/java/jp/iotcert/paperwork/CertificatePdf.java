package jp.iotcert.paperwork;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.springframework.stereotype.Component;
import jp.iotcert.common.JapaneseDates;

/**
 * The certificate (認定証, 第6条5) as a PDF: number, service, provider, certification date, validity,
 * and a QR code of the verification URL (第10条4), so anyone holding the paper can check in the
 * public registry that it is real and in force today. Rendered from the certificate's record:
 * the same record gives the same file.
 */
@Component
public class CertificatePdf {

  /** Side of the QR code on the page, in points (about 42 mm: scanned easily from print and screen). */
  static final float QR_SIZE = 120;

  private final DocumentFont font;

  public CertificatePdf(DocumentFont font) {
    this.font = font;
  }

  /**
   * What a certificate states.
   *
   * @param issuedOn the certification (or renewal certification) date: the date of this certificate
   */
  public record Content(String certificationNumber, String serviceName, String providerName, String corporateNumber,
      LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil, String verificationUrl) {}

  public byte[] render(Content c) {
    try (Sheet sheet = new Sheet(font, "認定証 " + c.certificationNumber(), c.issuedOn(), c.toString())) {
      sheet.skip(40);
      sheet.centred("認定証", 32);
      sheet.skip(36);
      float labelX = Sheet.MARGIN + 16;
      float valueX = labelX + 96;
      row(sheet, "認定番号", c.certificationNumber(), labelX, valueX);
      row(sheet, "サービス名", c.serviceName(), labelX, valueX);
      row(sheet, "事業者名", c.providerName(), labelX, valueX);
      row(sheet, "法人番号", c.corporateNumber(), labelX, valueX);
      row(sheet, "認定日", JapaneseDates.format(c.issuedOn()), labelX, valueX);
      row(sheet, "有効期間", JapaneseDates.format(c.validFrom()) + " から " + JapaneseDates.format(c.validUntil())
          + " まで", labelX, valueX);
      sheet.skip(24);
      sheet.paragraph("上記のサービスは、ASP・SaaS（IoTクラウドサービス）の安全・信頼性に係る情報開示認定 運用規程に基づき、"
          + "情報開示の認定を受けたものであることを証します。", 12, labelX);
      sheet.skip(24);
      sheet.right(JapaneseDates.format(c.issuedOn()), 12);
      sheet.right("認定機関", 14);
      qr(sheet, c.verificationUrl());
      return sheet.bytes();
    }
  }

  private static void row(Sheet sheet, String label, String value, float labelX, float valueX) {
    float top = sheet.y();
    sheet.line(label, 12, labelX);
    sheet.moveTo(top);
    sheet.paragraph(value == null ? "" : value, 12, valueX);
    sheet.skip(6);
  }

  /** The QR code as vector squares (sharp at any zoom), with its URL printed beside it for those who type. */
  private static void qr(Sheet sheet, String url) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
    } catch (WriterException e) {
      throw new IllegalArgumentException("URL too long for a QR code: " + url, e);
    }
    float x0 = Sheet.MARGIN + 16;
    float y0 = Sheet.MARGIN + 40;
    float module = QR_SIZE / matrix.getWidth();
    try {
      PDPageContentStream content = sheet.content();
      content.setNonStrokingColor(0f, 0f, 0f);
      for (int row = 0; row < matrix.getHeight(); row++) {
        for (int col = 0; col < matrix.getWidth(); col++) {
          if (matrix.get(col, row)) {
            content.addRect(x0 + col * module, y0 + QR_SIZE - (row + 1) * module, module, module);
          }
        }
      }
      content.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    float textX = x0 + QR_SIZE + 20;
    sheet.moveTo(y0 + QR_SIZE - 4);
    sheet.paragraph("認定が有効かどうかは、認定機関の公開台帳で確認できます。", 10, textX);
    sheet.skip(4);
    sheet.paragraph(url, 9, textX);
  }
}

package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.LocalDate;
import java.util.Map;
import jp.iotcert.application.ApplicantNotice;
import jp.iotcert.application.ApplicantNotifier;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.ProviderNotice;
import jp.iotcert.certification.ProviderNotifier;
import jp.iotcert.notice.NoticePdfs;
import jp.iotcert.support.TestApplications;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The certificate and the notice letters as the provider and staff download them (第6条4–5, 第17条2):
 * the provider's own, never another provider's; the letter exactly as stored when the notice was made.
 */
class PaperworkApiTest extends ApiTestBase {

  private static final String P1 = TestApplications.PROVIDER1_NUMBER;

  @Autowired CertificationService certifications;
  @Autowired CertificationRegister register;
  @Autowired TransactionTemplate transactions;
  @Autowired ApplicantNotifier applicantNotifier;
  @Autowired ProviderNotifier providerNotifier;
  @Autowired NoticePdfs letters;
  @Autowired JdbcClient jdbc;

  @Test
  void theProviderDownloadsItsCertificateWithNumberServiceAndAQrCodeOfTheVerificationUrl() throws Exception {
    String no = certified("証明書ダウンロード確認サービス");
    JsonNode view = get("provider1", "/api/certifications/" + no).getBody();
    String href = view.get("certificateHref").asText();
    assertThat(href).isEqualTo("/api/certifications/" + no.replace(" ", "%20") + "/certificate.pdf");

    ResponseEntity<byte[]> pdf = download("provider1", href);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
      assertThat(new PDFTextStripper().getText(doc)).contains(no, "証明書ダウンロード確認サービス", "株式会社テスト");
      PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).contains("IPAex");
      String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
          new PDFRenderer(doc).renderImageWithDPI(0, 150))))).getText();
      assertThat(decoded).isEqualTo(view.get("verificationUrl").asText()).endsWith("/registry/" + no.replace(" ", "%20"));
    }
    // The same address without the extension, and staff and managers too.
    assertThat(download("provider1", href.replace(".pdf", "")).getBody()).isEqualTo(pdf.getBody());
    assertThat(download("staff1", href).getStatusCode().value()).isEqualTo(200);
    assertThat(download("manager1", href).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void anotherProviderAndTheAnonymousAreRefusedTheCertificate() {
    String no = certified("証明書拒否確認サービス");
    String path = "/api/certifications/" + no + "/certificate.pdf";
    ResponseEntity<JsonNode> other = get("provider2", path);
    assertThat(other.getStatusCode().value()).isEqualTo(404); // as unknown: numbers cannot be probed
    assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get(null, path).getStatusCode().value()).isEqualTo(401);
    assertThat(get("reviewer1", path).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aRenewalsCertificateStatesTheNewValidityAndAnEndedCertificationGivesNoNewCopyToTheProvider() throws Exception {
    String no = certified("更新証明書確認サービス");
    // What CertificationLifecycle.renewed records: a new certificate from the renewal's certification date.
    transactions.executeWithoutResult(s -> register.issueCertificate(no, "A-RENEWAL", LocalDate.of(2027, 3, 1),
        LocalDate.of(2027, 3, 1), LocalDate.of(2030, 2, 28)));
    byte[] renewed = download("provider1", "/api/certifications/" + no.replace(" ", "%20") + "/certificate.pdf").getBody();
    try (PDDocument doc = Loader.loadPDF(renewed)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("2027年3月1日 から 2030年2月28日 まで");
    }

    register.end(no, CertificationStatus.REVOKED, LocalDate.of(2027, 6, 1));
    ResponseEntity<JsonNode> ended = get("provider1", "/api/certifications/" + no + "/certificate.pdf");
    assertThat(ended.getStatusCode().value()).isEqualTo(409);
    assertThat(ended.getBody().get("detail").asText()).contains("返納");
    assertThat(download("staff1", "/api/certifications/" + no.replace(" ", "%20") + "/certificate.pdf")
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aNoticesLetterIsStoredWhenItIsMadeAndDownloadedAsStoredByTheProviderAndStaff() throws Exception {
    String app = submitted("provider1", P1, "通知書確認サービス");
    transactions.executeWithoutResult(s -> applicantNotifier.send(app, ApplicantNotice.FEE_REMINDER, Map.of()));
    JsonNode notice = lastNotice(get("provider1", "/api/applications/" + app).getBody().get("notices"), "FEE_REMINDER");
    String href = notice.get("href").asText();
    assertThat(href).matches("/api/applications/" + app + "/notices/[0-9a-f-]{36}\\.pdf");
    // and the template version it was written from (the defaults are version 1 in a fresh database)
    assertThat(notice.get("template").asText()).isEqualTo("FEE_REMINDER");
    assertThat(notice.get("templateVersion").asInt()).isGreaterThanOrEqualTo(1);
    String id = href.substring(href.lastIndexOf('/') + 1, href.length() - 4);
    byte[] stored = letters.pdfOf(id).orElseThrow();

    ResponseEntity<byte[]> pdf = download("provider1", href);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getBody()).isEqualTo(stored);
    try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains(notice.get("subject").asText(), "株式会社テスト 御中", "認定機関 事務局",
          "審査手数料", "通知番号: " + id);
      LocalDate sentOn = LocalDate.ofInstant(java.time.Instant.parse(notice.get("sentAt").asText()),
          java.time.ZoneId.of("Asia/Tokyo"));
      assertThat(text).contains(sentOn.getYear() + "年" + sentOn.getMonthValue() + "月" + sentOn.getDayOfMonth() + "日");
    }

    // Whatever happens to the recorded text later, the letter stays the one that was sent.
    jdbc.sql("UPDATE notice SET body = ? WHERE id = ?").params("後から変えた本文", id).update();
    byte[] later = download("staff1", href).getBody();
    assertThat(later).isEqualTo(stored);
    try (PDDocument doc = Loader.loadPDF(later)) {
      assertThat(new PDFTextStripper().getText(doc)).doesNotContain("後から変えた本文");
    }
    assertThat(letters.sha256Of(id)).hasValueSatisfying(h -> assertThat(h).hasSize(64));

    assertThat(get("provider2", href).getStatusCode().value()).isEqualTo(404);
    assertThat(get(null, href).getStatusCode().value()).isEqualTo(401);
    // A notice id under another application is not found there.
    String otherApp = submitted("provider1", P1, "別の申請サービス");
    assertThat(get("provider1", "/api/applications/" + otherApp + "/notices/" + id + ".pdf").getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aCertificationsNoticeLettersAreListedInItsViewAndDownloadedByItsProviderOnly() throws Exception {
    String no = certified("認定通知書確認サービス");
    transactions.executeWithoutResult(s -> providerNotifier.send(register.find(no).orElseThrow(),
        ProviderNotice.CERTIFICATE_RETURN_REMINDER, Map.of()));
    JsonNode notice = lastNotice(get("provider1", "/api/certifications/" + no).getBody().get("notices"),
        ProviderNotice.CERTIFICATE_RETURN_REMINDER.name());
    String href = notice.get("href").asText();
    assertThat(href).startsWith("/api/certifications/" + no.replace(" ", "%20") + "/notices/");
    assertThat(notice.get("template").asText()).isEqualTo("CERTIFICATE_RETURN_REMINDER");
    assertThat(notice.get("templateVersion").asInt()).isGreaterThanOrEqualTo(1);
    ResponseEntity<byte[]> pdf = download("provider1", href);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
      assertThat(new PDFTextStripper().getText(doc)).contains(notice.get("subject").asText(), "認定証");
    }
    assertThat(download("provider2", href).getStatusCode().value()).isEqualTo(404);
    assertThat(download(null, href).getStatusCode().value()).isEqualTo(401);
    assertThat(download("staff1", href).getStatusCode().value()).isEqualTo(200);
  }

  private static JsonNode lastNotice(JsonNode notices, String kind) {
    JsonNode found = null;
    for (JsonNode n : notices) {
      if (n.get("kind").asText().equals(kind)) {
        found = n;
      }
    }
    assertThat(found).as("a %s notice in %s", kind, notices).isNotNull();
    return found;
  }

  private String certified(String serviceName) {
    LocalDate on = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(10);
    String applicationNumber = submitted("provider1", P1, serviceName);
    return transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(applicationNumber,
        P1, "株式会社テスト", serviceName, "説明", null, on, on.minusDays(30),
        json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(), "[]"))).certificationNumber();
  }
}

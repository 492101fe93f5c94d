package jp.iotcert.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.iotcert.application.ApplicantNotice;
import jp.iotcert.certification.ProviderNotice;
import jp.iotcert.oversight.OversightNotice;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Every kind of notice the body sends (certification, non-certification with reasons, supplement
 * requests, fee and renewal reminders, expiry, lapse, improvement requests, revocation, ...) makes a
 * letter with its addressee, subject, body and signature in the embedded font: no text of ours
 * holds a character the font lacks (it would print as 〓).
 */
class EveryNoticeKindLetterTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private final NoticeLetterPdf letters = new NoticeLetterPdf(new DocumentFont(CertificatePdfTest.FONT));

  record Kind(String name, String subject, String body) {}

  @Test
  void everyKindGivesALetterWithItsAddresseeSubjectBodyAndSignature() throws Exception {
    List<Kind> kinds = new ArrayList<>();
    for (ApplicantNotice n : ApplicantNotice.values()) {
      Map<String, String> v = values(n.subject(Map.of()) + n.body(Map.of()));
      kinds.add(new Kind("ApplicantNotice." + n.name(), n.subject(v), n.body(v)));
    }
    for (ProviderNotice n : ProviderNotice.values()) {
      Map<String, String> v = values(n.subject(Map.of()) + n.body(Map.of()));
      kinds.add(new Kind("ProviderNotice." + n.name(), n.subject(v), n.body(v)));
    }
    for (OversightNotice n : OversightNotice.values()) {
      Map<String, String> v = values(n.subject(Map.of()) + n.body(Map.of()));
      kinds.add(new Kind("OversightNotice." + n.name(), n.subject(v), n.body(v)));
    }
    assertThat(kinds).extracting(Kind::name).contains("ApplicantNotice.CERTIFIED", "ApplicantNotice.NOT_CERTIFIED",
        "ApplicantNotice.SUPPLEMENT_REQUESTED", "ApplicantNotice.FEE_REMINDER", "OversightNotice.REVOKED",
        "OversightNotice.IMPROVEMENT_REQUESTED", "ProviderNotice.EXPIRED", "ProviderNotice.LAPSED");
    for (Kind kind : kinds) {
      try (PDDocument doc = Loader.loadPDF(letters.render(kind.subject(), kind.body(), LocalDate.of(2026, 11, 30), "id"))) {
        String text = new PDFTextStripper().getText(doc);
        assertThat(text).as(kind.name()).contains("株式会社テスト 御中", "認定機関 事務局", "2026年11月30日")
            .doesNotContain(Sheet.MISSING);
        assertThat(text.replaceAll("\\s", "")).as(kind.name()).contains(kind.subject().replaceAll("\\s", ""));
      }
    }
  }

  /** A value for every placeholder the unfilled text still shows: the placeholder's name; providerName is the addressee. */
  private static Map<String, String> values(String unfilled) {
    Map<String, String> values = new HashMap<>();
    for (String name : placeholders(unfilled)) {
      values.put(name, "値" + name);
    }
    values.put("providerName", "株式会社テスト");
    return values;
  }

  static List<String> placeholders(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}

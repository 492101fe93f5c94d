package jp.iotcert.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.samskivert.mustache.Mustache;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every kind of notice the body sends (certification, non-certification with reasons, supplement
 * requests, fee and renewal reminders, expiry, lapse, improvement requests, revocation, ...) makes a
 * letter with its addressee, subject, body and signature in the embedded font: no text of ours
 * holds a character the font lacks (it would print as 〓).
 */
class EveryNoticeKindLetterTest {

  /** A template's placeholders: {{name}}, and the sections {{#name}} / {{^name}}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[#^/]?\\s*([A-Za-z]+)\\s*}}");

  private final NoticeLetterPdf letters = new NoticeLetterPdf(new DocumentFont(CertificatePdfTest.FONT));

  record Kind(String name, String subject, String body) {}

  /** Every default template (notice-templates/*.mustache: the subject, a blank line, the body), filled. */
  @Test
  void everyKindGivesALetterWithItsAddresseeSubjectBodyAndSignature() throws Exception {
    List<Kind> kinds = new ArrayList<>();
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:notice-templates/*.mustache")) {
      String text = file.getContentAsString(StandardCharsets.UTF_8);
      String[] parts = text.split("\n", 2);
      Map<String, String> v = values(text);
      kinds.add(new Kind(file.getFilename().replace(".mustache", ""),
          Mustache.compiler().escapeHTML(false).compile(parts[0]).execute(v),
          Mustache.compiler().escapeHTML(false).compile(parts[1].strip()).execute(v)));
    }
    assertThat(kinds).extracting(Kind::name).contains("CERTIFIED", "NOT_CERTIFIED", "SUPPLEMENT_REQUESTED",
        "FEE_REMINDER", "REVOKED", "IMPROVEMENT_REQUESTED", "EXPIRED", "LAPSED");
    for (Kind kind : kinds) {
      try (PDDocument doc = Loader.loadPDF(letters.render(NoticeLetterPdfTest.DEFAULT, kind.subject(), kind.body(), LocalDate.of(2026, 11, 30), "id"))) {
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

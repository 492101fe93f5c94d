package jp.iotcert.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.iotcert.application.ApplicantNotice;
import jp.iotcert.certification.ProviderNotice;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.oversight.OversightNotice;
import jp.iotcert.support.Mails;
import jp.iotcert.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every notice kind is written from its template and e-mailed once, with the subject and body its
 * default file gives; a changed template (a new version) writes the next notice while an earlier
 * notice keeps the version it was made from; a template staff could not have meant is refused.
 */
class NoticeTemplateMailTest extends ProcessTestBase {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)\\}\\}");

  @Autowired NoticeService notices;
  @Autowired NoticePdfs pdfs;
  @Autowired NoticeTemplates templates;
  @Autowired TransactionTemplate transactions;

  static Stream<NoticeText> kinds() {
    return Stream.of(ApplicantNotice.values(), ProviderNotice.values(), OversightNotice.values()).flatMap(Stream::of);
  }

  @Test
  void everyKindHasItsOwnDefaultTemplate() {
    assertThat(kinds().map(NoticeText::template).toList()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(templates.textKinds());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void everyKindIsMailedOnceWithTheTextOfItsTemplate(NoticeText kind) throws Exception {
    String[] file = defaultFile(kind.template());
    Map<String, String> values = new HashMap<>();
    Matcher m = PLACEHOLDER.matcher(file[0] + file[1]);
    while (m.find()) {
      values.put(m.group(1), "〔" + m.group(1) + "〕");
    }
    String caseKey = "T-" + kind.template(); // application_number holds 32 characters
    String recipient = kind.template().toLowerCase().replace('_', '-') + "@example.jp";

    String id = transactions.execute(s -> notices.send(caseKey, null, kind, recipient, values));

    await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(id)));
    List<MimeMessage> mails = Stream.of(MAIL.getReceivedMessages())
        .filter(x -> recipientOf(x).equals(recipient)).toList();
    assertThat(mails).hasSize(1);
    // The expected text by plain substitution of the file, independent of the engine that filled it.
    String subject = fill(file[0], values);
    String body = fill(file[1], values).strip().replaceAll("\n{3,}", "\n\n") + "\n";
    assertThat(mails.get(0).getSubject()).isEqualTo(subject);
    assertThat(Mails.text(mails.get(0))).isEqualTo(body);
    // with its letter, the PDF stored when the notice was made
    assertThat(Mails.pdf(mails.get(0))).get().extracting(Mails.Attachment::bytes)
        .isEqualTo(pdfs.pdfOf(id).orElseThrow());
    assertThat(body).contains("御中").endsWith("認定機関 事務局\n").doesNotContain("{{").doesNotContain("〔〕");
    assertThat(jdbc.sql("SELECT kind, template_kind, template_version, subject FROM notice WHERE id = ?").param(id)
        .query((rs, i) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3) + "/" + rs.getString(4)).single())
        .isEqualTo(kind.name() + "/" + kind.template() + "/" + templates.current(kind.template()).version() + "/" + subject);
  }

  @Test
  void aChangedTemplateWritesTheNextNoticeWhileAnEarlierOneKeepsItsVersion() throws Exception {
    NoticeTemplates.Version before = templates.current("WITHDRAWN");
    Map<String, String> values = Map.of("providerName", "株式会社版管理", "applicationNumber", "A-TPL-V",
        "serviceName", "版管理クラウド");
    String first = transactions.execute(s -> notices.send("A-TPL-V1", null, ApplicantNotice.WITHDRAWN,
        "v1@example.jp", values));
    try {
      NoticeTemplates.Version changed = templates.change("WITHDRAWN", "【取下げ受理（改訂）】申請 {{applicationNumber}}",
          "{{providerName}} 御中\n\n{{serviceName}} の申請の取下げを受理しました。\n\n認定機関 事務局\n", "文面の改訂", "staff1");
      assertThat(changed.version()).isEqualTo(before.version() + 1);
      assertThat(changed.createdBy()).isEqualTo("staff1");

      String second = transactions.execute(s -> notices.send("A-TPL-V2", null, ApplicantNotice.WITHDRAWN,
          "v2@example.jp", values));

      await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(first)) && "SENT".equals(status(second)));
      assertThat(version(first)).isEqualTo(before.version());
      assertThat(version(second)).isEqualTo(changed.version());
      assertThat(subject(first)).isEqualTo("【取下げ受理】申請 A-TPL-V");
      assertThat(subject(second)).isEqualTo("【取下げ受理（改訂）】申請 A-TPL-V");
      MimeMessage mail = Stream.of(MAIL.getReceivedMessages()).filter(x -> recipientOf(x).equals("v2@example.jp"))
          .findFirst().orElseThrow();
      assertThat(mail.getSubject()).isEqualTo("【取下げ受理（改訂）】申請 A-TPL-V");
      assertThat(Mails.text(mail)).contains("版管理クラウド の申請の取下げを受理しました。");
      // The earlier notice's version is still there as it was: what it was made from can be shown.
      assertThat(templates.version("WITHDRAWN", version(first)).orElseThrow().subject())
          .isEqualTo("【取下げ受理】申請 {{applicationNumber}}");
    } finally {
      // Other tests of this context mail WITHDRAWN notices: give them the default text again (a new version).
      templates.change("WITHDRAWN", before.subject(), before.body(), "試験の後で初期値に戻す", "staff1");
    }
  }

  @Test
  void refusesATemplateWithAnUnknownPlaceholderAPartialOrASecondSubjectLine() {
    int version = templates.current("FEE_REMINDER").version();
    assertThatThrownBy(() -> templates.change("FEE_REMINDER", "督促 {{applicationNumber}}",
        "{{providerName}} 御中 {{password}}", null, "staff1"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InvalidInputException.FieldError::message)
            .anySatisfy(msg -> assertThat(msg).contains("{{password}}").contains("使えません").contains("{{feeAmount}}")));
    assertThatThrownBy(() -> templates.change("FEE_REMINDER", "督促", "{{> other}}", null, "staff1"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("保存できません");
    assertThatThrownBy(() -> templates.change("FEE_REMINDER", "督促\n二行目", "本文", null, "staff1"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InvalidInputException.FieldError::message).contains("件名は1行で入力してください。"));
    assertThatThrownBy(() -> templates.change("FEE_REMINDER", "督促", "あ".repeat(NoticeTemplates.MAX_BODY + 1),
        null, "staff1")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> templates.change("FEE_REMINDER", "督促 {{feeAmount", "本文", null, "staff1"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("保存できません");
    assertThatThrownBy(() -> templates.change("FEE_REMINDER", "督促", "{{=<% %>=}} <%feeAmount%>", null, "staff1"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(templates.current("FEE_REMINDER").version()).isEqualTo(version);
  }

  @Test
  void aSectionShowsAParagraphOnlyWhenItsValueIsThere() {
    String template = "{{#decisionReasons}}理由: {{decisionReasons}}{{/decisionReasons}}{{^decisionReasons}}理由なし{{/decisionReasons}}";
    assertThat(NoticeTemplates.body(template, Map.of("decisionReasons", "不足"))).isEqualTo("理由: 不足\n");
    assertThat(NoticeTemplates.body(template, Map.of("decisionReasons", ""))).isEqualTo("理由なし\n");
    // Values are text: markup and braces in a value are printed as they are, never interpreted.
    assertThat(NoticeTemplates.subject("件名 {{serviceName}}", Map.of("serviceName", "<b>{{x}}</b> & 株式会社")))
        .isEqualTo("件名 <b>{{x}}</b> & 株式会社");
  }

  static String[] defaultFile(String template) throws Exception {
    String text = Files.readString(Path.of("src/main/resources/notice-templates", template + ".mustache"),
        StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    return new String[] {text.substring(0, end), text.substring(end + 2)};
  }

  private static String fill(String text, Map<String, String> values) {
    return PLACEHOLDER.matcher(text).replaceAll(r -> Matcher.quoteReplacement(values.getOrDefault(r.group(1), "")));
  }

  private static String recipientOf(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String status(String id) {
    return jdbc.sql("SELECT mail_status FROM notice WHERE id = ?").param(id).query(String.class).single();
  }

  private int version(String id) {
    return jdbc.sql("SELECT template_version FROM notice WHERE id = ?").param(id).query(Integer.class).single();
  }

  private String subject(String id) {
    return jdbc.sql("SELECT subject FROM notice WHERE id = ?").param(id).query(String.class).single();
  }
}

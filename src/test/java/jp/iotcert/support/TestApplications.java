package jp.iotcert.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.ApplicationRequest;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.document.DocumentKind;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import org.camunda.spin.plugin.variable.SpinValues;

/** Builds applications as applicants send them. */
public final class TestApplications {

  public static final String PROVIDER1_NUMBER = "7000012050002";
  public static final String PROVIDER2_NUMBER = "4010401023000";
  public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private TestApplications() {}

  public static List<DisclosureValue> fullDisclosure(DisclosureCatalogue catalogue) {
    List<DisclosureValue> values = new ArrayList<>();
    for (DisclosureItem item : catalogue.all()) {
      values.add(new DisclosureValue(item.itemId(), item.itemId().equals("B-01") ? "2026-11-01" : "開示内容: " + item.name()));
    }
    return values;
  }

  public static ApplicationRequest newApplication(String corporateNumber, String serviceName, List<DisclosureValue> disclosure) {
    return new ApplicationRequest("NEW", null, "ONLINE",
        new ApplicationRequest.Provider(corporateNumber, "株式会社テスト", "東京都千代田区丸の内1-1-1", "代表 太郎"),
        new ApplicationRequest.Contact("担当 花子", "contact@provider.example.jp", "03-1234-5678"),
        new ApplicationRequest.Service(serviceName, "IoT機器のデータを収集・可視化するクラウドサービス", "https://service.example.jp"),
        disclosure, List.of(new ApplicationRequest.WithheldItem(WITHHELD_ITEM, "非上場のため売上高は公表を控えたい")), null, null);
  }

  /** The item the applications built here ask to withhold (第11条2). */
  public static final String WITHHELD_ITEM = "B-09";

  /**
   * The review's variables with the fixture's withholding request accepted (as Tasklist's checklist
   * sends it), unless they judge it themselves: the one place tests that complete 「申請を審査する」
   * judge it.
   */
  public static Map<String, Object> judged(Map<String, Object> review) {
    Map<String, Object> variables = new HashMap<>(review);
    variables.putIfAbsent("withholdingAccepted", SpinValues.jsonValue("[\"" + WITHHELD_ITEM + "\"]").create());
    return variables;
  }

  /** The fixture's withholding request accepted, as a variable in an engine REST request. */
  public static Map<String, Object> withholdingAcceptedRest() {
    return Map.of("value", "[\"" + WITHHELD_ITEM + "\"]", "type", "Json");
  }

  public static ApplicationRequest renewal(String corporateNumber, String serviceName, String certificationNumber,
      List<DisclosureValue> disclosure) {
    ApplicationRequest base = newApplication(corporateNumber, serviceName, disclosure);
    return new ApplicationRequest("RENEWAL", certificationNumber, "ONLINE", base.provider(), base.contact(),
        base.service(), disclosure, base.withheldItems(),
        new ApplicationRequest.MarkUseDeclaration(true, "認定マークは運用規程第10条のとおり正しく使用してきました。"), null);
  }

  public static List<UploadedDocument> registryCertificate() {
    return List.of(new UploadedDocument(DocumentKind.REGISTRY_CERTIFICATE, "touki.pdf", PDF));
  }
}

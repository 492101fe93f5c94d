package jp.iotcert.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.Validity;

/**
 * Register entries written straight into the register, as the certification processes leave them,
 * so that the registry tests can have any status, history and withheld item without running the
 * processes. Serials start high and apart per run so they never meet the counter of real certifications.
 */
final class RegistryFixtures {

  private static final AtomicInteger SERIAL = new AtomicInteger(6000 + (int) (System.nanoTime() % 3000));

  /** The value of the withheld item in every entry: it must never be seen publicly. */
  static final String WITHHELD_VALUE = "非公開の売上高ＺＺＱ";
  static final String WITHHELD_ITEM = "B-09";

  private final CertificationRegister register;
  private final DisclosureCatalogue catalogue;
  private final ObjectMapper json;

  RegistryFixtures(CertificationRegister register, DisclosureCatalogue catalogue, ObjectMapper json) {
    this.register = register;
    this.catalogue = catalogue;
    this.json = json;
  }

  /** An entry certified on {@code certifiedOn}, in the given status (ended ones end on {@code endedOn}), with one withheld item. */
  String insert(String serviceName, String providerName, CertificationStatus status, LocalDate certifiedOn,
      LocalDate endedOn) {
    int serial = SERIAL.incrementAndGet();
    String number = String.format("IoT %04d-%s", serial, "2612");
    List<Map<String, String>> disclosure = new ArrayList<>();
    for (DisclosureItem item : catalogue.all()) {
      String value = item.itemId().equals("B-01") ? "2026-11-01"
          : item.itemId().equals(WITHHELD_ITEM) ? WITHHELD_VALUE : "開示内容: " + item.name();
      disclosure.add(Map.of("itemId", item.itemId(), "value", value));
    }
    register.insert(new Certification(number, serial, "5835678256246", providerName, serviceName,
        "IoT機器のデータを収集・可視化するクラウドサービス", "https://service.example.jp", status, certifiedOn, certifiedOn,
        Validity.lastDay(certifiedOn), LocalDate.of(2026, 11, 1), write(disclosure),
        write(List.of(Map.of("itemId", WITHHELD_ITEM, "reason", "経営上の秘密"))), null, endedOn, null));
    register.recordEvent(number, "CERTIFIED", CertificationStatus.VALID, certifiedOn, null, Instant.now());
    if (endedOn != null) {
      register.recordEvent(number, status.name(), status, endedOn,
          status == CertificationStatus.REVOKED ? "第17条第1項第7号（改善要請に応じない）" : null, Instant.now());
    }
    return number;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

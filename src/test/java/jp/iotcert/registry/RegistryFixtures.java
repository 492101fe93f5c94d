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
 * processes. Serials start at 100,000 and apart per run, above every serial other tests of the same JVM
 * use (real certifications count from 1; ImportApiTest imports fixed 7xxx serials, which met the old
 * 6000–9000 start now and then), so they never meet another certification's serial.
 */
final class RegistryFixtures {

  private static final AtomicInteger SERIAL = new AtomicInteger(100_000 + (int) (System.nanoTime() % 100_000));

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
    return insert(new Spec(serviceName, providerName, status, certifiedOn, endedOn));
  }

  /**
   * What an entry is made of; the defaults are those of every entry: the shared corporate number and
   * unpublished service description, every item "開示内容: (name)", item B-09 withheld.
   */
  static final class Spec {
    final String serviceName;
    final String providerName;
    final CertificationStatus status;
    final LocalDate certifiedOn;
    final LocalDate endedOn;
    String corporateNumber = "5835678256246";
    String serviceDescription = "IoT機器のデータを収集・可視化するクラウドサービス";
    LocalDate validUntil;
    String renewalApplicationNumber;
    final Map<String, String> values = new java.util.HashMap<>();
    List<String> withheld = List.of(WITHHELD_ITEM);

    Spec(String serviceName, String providerName, CertificationStatus status, LocalDate certifiedOn, LocalDate endedOn) {
      this.serviceName = serviceName;
      this.providerName = providerName;
      this.status = status;
      this.certifiedOn = certifiedOn;
      this.endedOn = endedOn;
      this.validUntil = Validity.lastDay(certifiedOn);
    }
  }

  String insert(Spec spec) {
    int serial = SERIAL.incrementAndGet();
    String number = String.format("IoT %04d-%s", serial, "2612");
    List<Map<String, String>> disclosure = new ArrayList<>();
    for (DisclosureItem item : catalogue.all()) {
      String value = spec.values.containsKey(item.itemId()) ? spec.values.get(item.itemId())
          : item.itemId().equals("B-01") ? "2026-11-01"
          : item.itemId().equals(WITHHELD_ITEM) ? WITHHELD_VALUE : "開示内容: " + item.name();
      disclosure.add(Map.of("itemId", item.itemId(), "value", value));
    }
    register.insert(new Certification(number, serial, spec.corporateNumber, spec.providerName, spec.serviceName,
        spec.serviceDescription, "https://service.example.jp", spec.status, spec.certifiedOn, spec.certifiedOn,
        spec.validUntil, LocalDate.of(2026, 11, 1), write(disclosure),
        write(spec.withheld.stream().map(i -> Map.of("itemId", i, "reason", "経営上の秘密")).toList()), null,
        spec.endedOn, spec.renewalApplicationNumber));
    register.recordEvent(number, "CERTIFIED", CertificationStatus.VALID, spec.certifiedOn, null, Instant.now());
    if (spec.endedOn != null) {
      register.recordEvent(number, spec.status.name(), spec.status, spec.endedOn,
          spec.status == CertificationStatus.REVOKED ? "第17条第1項第7号（改善要請に応じない）" : null, Instant.now());
    }
    return number;
  }

  /**
   * A serial for an entry that goes through the real import, which raises the counter of real
   * certifications to it: the fixtures then jump a hundred thousand ahead, so that the certifications
   * made after it (serials above it, as many as the rest of the run makes) never meet a fixture's serial.
   */
  static int serialForImport() {
    int serial = SERIAL.incrementAndGet();
    SERIAL.addAndGet(100_000);
    return serial;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

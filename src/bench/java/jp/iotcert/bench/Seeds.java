package jp.iotcert.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.iotcert.common.CorporateNumber;

/**
 * Entries of the old register for POST /api/certifications/imports: varied Japanese company and
 * service names (three kanji out of 64, so a two-kanji term matches about one entry in a thousand
 * and a three-kanji one a handful), an ASCII product word with a two-letter tag, and one of a pool
 * of valid corporate numbers. It keeps samples of each kind of search term from what it generated.
 */
final class Seeds {

  private static final String KANJI =
      "東西南北山川田中村本大小高橋林森石井原野松竹梅桜花光明日月星海空風雲雪青赤白黒金銀新和平安正成豊富栄盛信義仁誠幸福長春夏秋冬";
  private static final String[] COMPANY_FORMS = {"株式会社", "合同会社", "有限会社"};
  private static final String[] COMPANY_SUFFIXES = {"テック", "システムズ", "ネットワークス", "データ", "ソリューションズ", "工業"};
  private static final String[] SERVICE_KINDS = {"クラウド監視", "データ収集基盤", "遠隔制御サービス", "設備保全クラウド",
      "位置情報プラットフォーム", "エネルギー管理"};
  private static final String[] ASCII_WORDS = {"Nimbus", "Sensor", "Edge", "Relay", "Beacon", "Orbit", "Pulse", "Vector",
      "Harbor", "Atlas", "Cobalt", "Falcon", "Garnet", "Helix", "Ion", "Juniper", "Krypton", "Lumen", "Matrix", "Nova",
      "Onyx", "Prism", "Quartz", "Radius", "Summit", "Tundra", "Umbra", "Vortex", "Willow", "Zephyr"};
  private static final DateTimeFormatter YYMM = DateTimeFormatter.ofPattern("yyMM");
  private static final int SAMPLES = 2000;

  private final Random random;
  private final List<String> corporateNumbers = new ArrayList<>();
  final List<String> numbers = new ArrayList<>();
  final List<String> twoChar = new ArrayList<>();
  final List<String> threePlus = new ArrayList<>();
  final List<String> ascii = new ArrayList<>();
  final List<String> corporate = new ArrayList<>();

  Seeds(long seed, int companies) {
    random = new Random(seed);
    for (int i = 0; i < companies; i++) {
      corporateNumbers.add(corporateNumber());
    }
  }

  /**
   * The certification number for a serial. The format up to 9999 is the regulation's `IoT NNNN-YYMM`;
   * beyond it, the natural extension to more digits. If the application settles the 10,000th number
   * differently, this is the one place to follow it (the import refuses other formats, and the
   * benchmark says so and stops seeding).
   */
  static String number(int serial, LocalDate firstCertifiedOn) {
    return String.format(serial <= 9999 ? "IoT %04d-%s" : "IoT %d-%s", serial, firstCertifiedOn.format(YYMM));
  }

  /** A VALID entry certified on {@code certifiedOn}: it gets its lifecycle and its timers. */
  Map<String, Object> valid(int serial, LocalDate certifiedOn) {
    return entry(serial, certifiedOn, "VALID", null);
  }

  /** An ended entry (no process): bulk for the registry. */
  Map<String, Object> ended(int serial, LocalDate today) {
    LocalDate certifiedOn = today.minusYears(2).minusDays(1 + random.nextInt(3000));
    boolean terminated = random.nextInt(10) == 0;
    LocalDate endedOn = terminated ? certifiedOn.plusDays(1 + random.nextInt(700)) : certifiedOn.plusYears(2);
    return entry(serial, certifiedOn, terminated ? "TERMINATED" : "EXPIRED", endedOn);
  }

  private Map<String, Object> entry(int serial, LocalDate certifiedOn, String status, LocalDate endedOn) {
    String providerKanji = kanji(3);
    String serviceKanji = kanji(3);
    String asciiTag = ASCII_WORDS[random.nextInt(ASCII_WORDS.length)] + "-" + (char) ('a' + random.nextInt(26))
        + (char) ('a' + random.nextInt(26));
    String kind = SERVICE_KINDS[random.nextInt(SERVICE_KINDS.length)];
    String corporateNumber = corporateNumbers.get(random.nextInt(corporateNumbers.size()));
    String number = number(serial, certifiedOn);
    sample(numbers, number);
    int from = random.nextInt(2);
    sample(twoChar, (random.nextBoolean() ? providerKanji : serviceKanji).substring(from, from + 2));
    sample(threePlus, random.nextBoolean() ? providerKanji : serviceKanji + kind.substring(0, 2));
    sample(ascii, asciiTag);
    sample(corporate, corporateNumber);

    Map<String, Object> e = new LinkedHashMap<>();
    e.put("certificationNumber", number);
    e.put("certifiedOn", certifiedOn.toString());
    e.put("firstCertifiedOn", certifiedOn.toString());
    e.put("status", status);
    if (endedOn != null) {
      e.put("endedOn", endedOn.toString());
    }
    e.put("provider", Map.of("corporateNumber", corporateNumber,
        "name", COMPANY_FORMS[random.nextInt(COMPANY_FORMS.length)] + providerKanji
            + COMPANY_SUFFIXES[random.nextInt(COMPANY_SUFFIXES.length)],
        "email", "contact" + serial + "@example.jp"));
    e.put("service", Map.of("name", serviceKanji + kind + " " + asciiTag,
        "description", "IoT機器のデータを収集・可視化するクラウドサービス", "url", "https://s" + serial + ".example.jp"));
    e.put("disclosure", List.of(Map.of("itemId", "B-01", "value", certifiedOn.toString())));
    return e;
  }

  String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private void sample(List<String> into, String value) {
    if (into.size() < SAMPLES) {
      into.add(value);
    } else {
      into.set(random.nextInt(SAMPLES), value);
    }
  }

  private String kanji(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(KANJI.charAt(random.nextInt(KANJI.length())));
    }
    return s.toString();
  }

  /** A valid 法人番号: twelve random digits and the check digit before them. */
  private String corporateNumber() {
    String body = String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
    for (int check = 1; check <= 9; check++) {
      if (CorporateNumber.isValid(check + body)) {
        return check + body;
      }
    }
    throw new IllegalStateException("no check digit for " + body);
  }
}

package jp.iotcert.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationStatus;
import org.junit.jupiter.api.Test;

/** The verification sentence, the search normalization and the CSV cell rule, without a server. */
class RegistryTextTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

  private static RegistryEntry entry(String status, LocalDate validUntil, LocalDate endedOn) {
    return new RegistryEntry("IoT 0001-2612", "サービス", "株式会社", "5835678256246", LocalDate.of(2025, 12, 1),
        LocalDate.of(2025, 12, 1), validUntil, null, status, endedOn, List.of(), List.of(), "u", List.of(), null);
  }

  @Test
  void theSentenceSaysInForceTodayOrWhenAndHowItEnded() {
    assertThat(RegistryText.inForceSentence(entry("VALID", LocalDate.of(2027, 11, 30), null), TODAY))
        .isEqualTo("この認定は本日（2026年12月10日）有効です。");
    assertThat(RegistryText.inForceSentence(entry("RENEWAL_UNDER_REVIEW", LocalDate.of(2026, 12, 1), null), TODAY))
        .startsWith("この認定は本日（2026年12月10日）有効です").contains("更新の審査中");
    assertThat(RegistryText.inForce(entry("VALID", TODAY, null))).isTrue();
    assertThat(RegistryText.inForce(entry("RENEWAL_UNDER_REVIEW", LocalDate.of(2026, 12, 1), null))).isTrue();
    assertThat(RegistryText.inForce(entry("EXPIRED", LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 10)))).isFalse();
    assertThat(RegistryText.inForceSentence(entry("EXPIRED", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1)), TODAY))
        .isEqualTo("この認定は有効期間が2026年11月30日までで満了したため、本日（2026年12月10日）有効ではありません（有効期間満了）。");
    assertThat(RegistryText.inForceSentence(entry("REVOKED", null, LocalDate.of(2026, 12, 3)), TODAY))
        .isEqualTo("この認定は2026年12月3日に取り消されたため、本日（2026年12月10日）有効ではありません（取消し）。");
    assertThat(RegistryText.inForceSentence(entry("LAPSED", null, LocalDate.of(2026, 12, 3)), TODAY)).endsWith("（失効）。");
    assertThat(RegistryText.inForceSentence(entry("TERMINATED", null, LocalDate.of(2026, 12, 3)), TODAY)).endsWith("（終了）。");
  }

  private static Certification stored(CertificationStatus status, LocalDate validUntil, String renewal, LocalDate endedOn) {
    return new Certification("IoT 0001-2612", 1, "5835678256246", "株式会社", "サービス", "説明", "https://x.example",
        status, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 1), validUntil, null, "[]", "[]", null, endedOn, renewal);
  }

  /** 第11条3: the one rule of the status the public reads today, before and after the expiry job has run. */
  @Test
  void theStatusTodayReadsAValidEntryPastItsLastDayAsTheJobWillRecordIt() {
    // On its last day it is still in force.
    assertThat(StatusToday.of(stored(CertificationStatus.VALID, TODAY, null, null), TODAY))
        .isEqualTo(new StatusToday.Shown(CertificationStatus.VALID, null));
    // The day after: expired, ended on that day, as the job records it.
    assertThat(StatusToday.of(stored(CertificationStatus.VALID, TODAY.minusDays(1), null, null), TODAY))
        .isEqualTo(new StatusToday.Shown(CertificationStatus.EXPIRED, TODAY));
    // The day after with a renewal filed in the window: still in force, under review (第12条2).
    assertThat(StatusToday.of(stored(CertificationStatus.VALID, TODAY.minusDays(1), "A-1", null), TODAY))
        .isEqualTo(new StatusToday.Shown(CertificationStatus.RENEWAL_UNDER_REVIEW, null));
    // Any other stored status is shown as stored.
    assertThat(StatusToday.of(stored(CertificationStatus.LAPSED, TODAY.minusDays(1), null, TODAY.minusDays(9)), TODAY))
        .isEqualTo(new StatusToday.Shown(CertificationStatus.LAPSED, TODAY.minusDays(9)));
    assertThat(StatusToday.of(stored(CertificationStatus.RENEWAL_UNDER_REVIEW, TODAY.minusDays(5), "A-1", null), TODAY))
        .isEqualTo(new StatusToday.Shown(CertificationStatus.RENEWAL_UNDER_REVIEW, null));
  }

  @Test
  void normalizationFoldsWidthAndCase() {
    assertThat(RegistryText.normalize("ＩｏＴ")).isEqualTo(RegistryText.normalize("IoT")).isEqualTo("iot");
    assertThat(RegistryText.normalize("ｶﾀｶﾅ")).isEqualTo("カタカナ");
    assertThat(RegistryText.normalize("ﾍﾟｰｼﾞ")).isEqualTo("ページ");
    assertThat(RegistryText.normalize("１２３")).isEqualTo("123");
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
    assertThat(RegistryCsv.cell("=1+1")).isEqualTo("\"'=1+1\"");
    assertThat(RegistryCsv.cell("+81")).isEqualTo("\"'+81\"");
    assertThat(RegistryCsv.cell("-2")).isEqualTo("\"'-2\"");
    assertThat(RegistryCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    assertThat(RegistryCsv.cell("\tx")).isEqualTo("\"'\tx\"");
    assertThat(RegistryCsv.cell("a \"b\", c")).isEqualTo("\"a \"\"b\"\", c\"");
    assertThat(RegistryCsv.cell("IoT 0001-2612")).isEqualTo("\"IoT 0001-2612\"");
  }

  @Test
  void onlyTheArticlesOfARevocationsGroundsArePublished() {
    assertThat(PublishedHistory.articles("第17条第1項第3号（マークの不正使用）、第17条第1項第7号（改善要請に応じない）"))
        .containsExactly("第17条第1項第3号", "第17条第1項第7号");
    assertThat(PublishedHistory.describe("INVESTIGATION_OPENED", "x", List.of(), null)).isNull();
  }
}

package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 第8条: one year counted back from the application date, which is day one. */
class RefusalRuleTest {

  @ParameterizedTest(name = "applied {0}: revocations from {1} bar it")
  @CsvSource({
      "2026-12-01, 2025-12-02",
      "2027-03-01, 2026-03-02",
      "2028-02-29, 2027-03-01",
      "2029-03-01, 2028-03-02",
      "2027-01-01, 2026-01-02"})
  void periodStart(LocalDate applied, LocalDate firstBarringDay) {
    assertThat(RefusalRule.periodStart(applied)).isEqualTo(firstBarringDay);
  }
}

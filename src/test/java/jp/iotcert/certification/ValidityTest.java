package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 第9条 with 民法 第143条, and the renewal window of 第12条1. */
class ValidityTest {

  @ParameterizedTest(name = "certified {0} -> valid through {1}")
  @CsvSource({
      "2026-12-01, 2028-11-30",  // DOMAIN.md examples
      "2028-02-29, 2030-02-28",  // 29 February into a common year: last day of February
      "2027-03-01, 2029-02-28",
      "2024-02-29, 2026-02-28",
      "2026-02-28, 2028-02-27",  // into a leap year: the day before 28 February
      "2026-03-01, 2028-02-29",  // ends on a 29 February
      "2026-01-01, 2027-12-31",  // year end
      "2026-01-31, 2028-01-30",
      "2026-12-31, 2028-12-30",
      "2027-02-28, 2029-02-27",
      "2026-04-30, 2028-04-29"})
  void lastDayOfValidity(LocalDate certifiedOn, LocalDate lastDay) {
    assertThat(Validity.lastDay(certifiedOn)).isEqualTo(lastDay);
  }

  @ParameterizedTest(name = "valid through {0}: window {1} .. {2}")
  @CsvSource({
      "2028-11-30, 2028-10-01, 2028-10-31",  // DOMAIN.md example
      "2030-02-28, 2029-12-30, 2030-01-29",
      "2028-02-29, 2027-12-31, 2028-01-30",
      "2028-03-31, 2028-01-31, 2028-03-01"})
  void renewalWindow(LocalDate lastDay, LocalDate opens, LocalDate closes) {
    assertThat(Validity.renewalWindowOpens(lastDay)).isEqualTo(opens);
    assertThat(Validity.renewalWindowCloses(lastDay)).isEqualTo(closes);
  }
}

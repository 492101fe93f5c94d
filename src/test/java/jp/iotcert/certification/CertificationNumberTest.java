package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CertificationNumberTest {

  @Test
  void serialAndYearMonthOfTheFirstCertification() {
    assertThat(CertificationService.number(1, LocalDate.of(2026, 12, 1))).isEqualTo("IoT 0001-2612");
    assertThat(CertificationService.number(123, LocalDate.of(2027, 3, 31))).isEqualTo("IoT 0123-2703");
    assertThat(CertificationService.number(9999, LocalDate.of(2030, 1, 1))).isEqualTo("IoT 9999-3001");
  }

  @Test
  void theTenThousandthGetsAFifthDigitAndNothingWraps() {
    assertThat(CertificationService.number(9999, LocalDate.of(2030, 1, 1))).isEqualTo("IoT 9999-3001");
    assertThat(CertificationService.number(10000, LocalDate.of(2030, 1, 1))).isEqualTo("IoT 10000-3001");
    assertThat(CertificationService.number(123456, LocalDate.of(2030, 1, 1))).isEqualTo("IoT 123456-3001");
  }

  @Test
  void refusesSerialsBelowOne() {
    assertThatThrownBy(() -> CertificationService.number(0, LocalDate.of(2030, 1, 1)))
        .isInstanceOf(IllegalStateException.class);
  }
}

package jp.iotcert.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CorporateNumberTest {

  @ParameterizedTest
  @CsvSource({
      "7000012050002, true",   // the example of DOMAIN.md
      "4010401023000, true",
      "3011001044998, true",
      "9120001077496, true",
      "8000012050002, false",  // wrong check digit
      "6000012050002, false",
      "700001205000, false",   // 12 digits
      "70000120500021, false", // 14 digits
      "700001205000A, false",
      "'', false"})
  void checksTheCheckDigit(String value, boolean valid) {
    assertThat(CorporateNumber.isValid(value)).isEqualTo(valid);
  }

  @Test
  void nullIsInvalid() {
    assertThat(CorporateNumber.isValid(null)).isFalse();
  }
}

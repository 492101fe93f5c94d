package jp.iotcert.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JapanTimeJsonTest {

  @Test
  void aMomentIsWrittenInJapanTimeWithItsOffset() {
    assertThat(JapanTimeJson.InstantInJapan.format(Instant.parse("2026-12-10T00:30:00Z")))
        .isEqualTo("2026-12-10T09:30:00+09:00");
  }

  @Test
  void lateEveningUtcIsTheNextDayInJapan() {
    assertThat(JapanTimeJson.InstantInJapan.format(Instant.parse("2026-12-31T15:00:00.250Z")))
        .isEqualTo("2027-01-01T00:00:00.25+09:00");
  }
}

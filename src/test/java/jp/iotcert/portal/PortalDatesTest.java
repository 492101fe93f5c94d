package jp.iotcert.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates as companies type them into the portal's forms. */
class PortalDatesTest {

  @Test
  void typedDatesAreReadAsTheDayTheyNameAndOthersAreRefused() {
    assertThat(PortalDates.read("f", "2026/12/10")).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(PortalDates.read("f", "2026-12-10")).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(PortalDates.read("f", "２０２６／１／５")).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(PortalDates.read("f", " ")).isNull();
    assertThatThrownBy(() -> PortalDates.read("f", "2026/02/30")).hasMessage(PortalDates.UNREADABLE);
    assertThatThrownBy(() -> PortalDates.read("f", "12/10/2026")).hasMessage(PortalDates.UNREADABLE);
  }

  @Test
  void theDisclosureDateIsStoredAsTheApiStoresItAndOtherItemsAsTyped() {
    assertThat(PortalDates.disclosureValue("B-01", "2026/11/1")).isEqualTo("2026-11-01");
    assertThat(PortalDates.disclosureValue("B-01", "２０２６／１１／０１ ")).isEqualTo("2026-11-01");
    // Unreadable: kept as typed, so the application's rule refuses it next to the field.
    assertThat(PortalDates.disclosureValue("B-01", "来月")).isEqualTo("来月");
    assertThat(PortalDates.disclosureValue("B-05", " 2026/11/1 ")).isEqualTo("2026/11/1");
  }
}

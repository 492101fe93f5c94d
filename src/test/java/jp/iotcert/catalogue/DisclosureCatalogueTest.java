package jp.iotcert.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one rule on a disclosure value's form: the disclosure-date item holds a date. */
class DisclosureCatalogueTest {

  @Test
  void theDisclosureDateItemMustHoldAnIsoDate() {
    assertThat(DisclosureCatalogue.invalidValue("B-01", "2026-11-01")).isEmpty();
    assertThat(DisclosureCatalogue.invalidValue("B-01", " 2026-11-01 ")).isEmpty();
    assertThat(DisclosureCatalogue.invalidValue("B-01", "2026/11/01")).contains("開示情報の時点（B-01）は日付（例: 2026-11-01）で記入してください");
    assertThat(DisclosureCatalogue.invalidValue("B-01", "令和8年11月1日")).isPresent();
    assertThat(DisclosureCatalogue.invalidValue("A-01", "not a date")).isEmpty();
  }

  @Test
  void onlyTheDisclosureDateItemStatesTheDisclosureDate() {
    assertThat(DisclosureCatalogue.disclosureDate("B-01", "2026-11-01")).contains(LocalDate.of(2026, 11, 1));
    assertThat(DisclosureCatalogue.disclosureDate("B-01", "soon")).isEmpty();
    assertThat(DisclosureCatalogue.disclosureDate("A-01", "2026-11-01")).isEmpty();
  }
}

package jp.iotcert.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

  @Test
  void familyNameFirstAsTasklistShowsIt() {
    assertThat(PersonNames.displayName("staff1", "事務局", "一郎")).isEqualTo("事務局 一郎");
  }

  @Test
  void aMissingPartLeavesNoStraySpace() {
    assertThat(PersonNames.displayName("committee1", "委員", null)).isEqualTo("委員");
    assertThat(PersonNames.displayName("committee1", " ", "一 ")).isEqualTo("一");
  }

  @Test
  void anAccountWithoutANameIsShownByItsId() {
    assertThat(PersonNames.displayName("committee9", null, "")).isEqualTo("committee9");
  }
}

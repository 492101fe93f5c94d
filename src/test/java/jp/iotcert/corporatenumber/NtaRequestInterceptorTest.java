package jp.iotcert.corporatenumber;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class NtaRequestInterceptorTest {

  @Test
  void theApplicationIdIsAddedInFrontOfTheQuery() {
    assertThat(NtaRequestInterceptor.withApplicationId(
        URI.create("https://api.houjin-bangou.nta.go.jp/4/num?number=7000012050002&type=12&history=0"), "KabcDEF123"))
        .hasToString("https://api.houjin-bangou.nta.go.jp/4/num?id=KabcDEF123&number=7000012050002&type=12&history=0");
  }

  @Test
  void settingsNeverShowTheIdAndRefuseBadValues() {
    var settings = new CorporateNumberCheckSettings("https://api.houjin-bangou.nta.go.jp/", "KabcDEF123", null, null);
    assertThat(settings.baseUrl()).isEqualTo("https://api.houjin-bangou.nta.go.jp");
    assertThat(settings.configured()).isTrue();
    assertThat(settings.toString()).doesNotContain("KabcDEF123");
    assertThat(new CorporateNumberCheckSettings(null, null, null, null).configured()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new CorporateNumberCheckSettings("ftp://x", "", null, null)).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new CorporateNumberCheckSettings(null, "abc&x=1", null, null)).isInstanceOf(IllegalArgumentException.class);
  }
}

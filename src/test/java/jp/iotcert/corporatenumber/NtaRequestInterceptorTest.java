package jp.iotcert.corporatenumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.apache.http.client.methods.HttpGet;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.connect.spi.ConnectorInvocation;
import org.camunda.connect.spi.ConnectorRequest;
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
    assertThatThrownBy(() -> new CorporateNumberCheckSettings("ftp://x", "", null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CorporateNumberCheckSettings(null, "abc&x=1", null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyRequestsToARegisteredBaseUrlGetTheIdTheTimeoutsAndTheBpmnError() throws Exception {
    var settings = new CorporateNumberCheckSettings("http://nta.test:1", "KabcDEF123", Duration.ofSeconds(2),
        Duration.ofSeconds(4));
    NtaRequestInterceptor.register(settings);
    try {
      NtaRequestInterceptor interceptor = new NtaRequestInterceptor();
      HttpGet other = new HttpGet("http://other.test/4/num?number=1");
      assertThat(interceptor.handleInvocation(invocation(other, () -> "sent"))).isEqualTo("sent");
      assertThat(other.getURI()).hasToString("http://other.test/4/num?number=1");
      assertThat(other.getConfig()).isNull();

      HttpGet nta = new HttpGet("http://nta.test:1/4/num?number=7000012050002&type=12&history=0");
      interceptor.handleInvocation(invocation(nta, () -> "sent"));
      assertThat(nta.getURI().getQuery()).startsWith("id=KabcDEF123&number=7000012050002");
      assertThat(nta.getConfig().getConnectTimeout()).isEqualTo(2000);
      assertThat(nta.getConfig().getSocketTimeout()).isEqualTo(4000);
      assertThat(nta.getConfig().isRedirectsEnabled()).isFalse();

      HttpGet refused = new HttpGet("http://nta.test:1/4/num?number=7000012050002");
      assertThatThrownBy(() -> interceptor.handleInvocation(invocation(refused, () -> {
        throw new java.net.ConnectException("Connection refused to http://nta.test:1/4/num?id=KabcDEF123");
      }))).isInstanceOf(BpmnError.class)
          .hasMessageContaining("接続できません").hasMessageNotContaining("KabcDEF123")
          .extracting(e -> ((BpmnError) e).getErrorCode()).isEqualTo(NtaRequestInterceptor.ERROR_CODE);
    } finally {
      NtaRequestInterceptor.unregister(settings);
    }
  }

  private interface Send {
    Object send() throws Exception;
  }

  private static ConnectorInvocation invocation(HttpGet target, Send send) {
    return new ConnectorInvocation() {
      @Override
      public Object getTarget() {
        return target;
      }

      @Override
      public ConnectorRequest<?> getRequest() {
        return null;
      }

      @Override
      public Object proceed() throws Exception {
        return send.send();
      }
    };
  }
}

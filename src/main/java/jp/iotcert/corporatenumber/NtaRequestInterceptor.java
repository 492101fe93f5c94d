package jp.iotcert.corporatenumber;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.conn.ConnectTimeoutException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.connect.spi.ConnectorInvocation;
import org.camunda.connect.spi.ConnectorRequestInterceptor;

/**
 * Added to Camunda Connect's http-connector by {@link NtaConnectorConfigurator}. For a request to a
 * registered NTA base URL only, at send time:
 * <ul>
 *   <li>appends the application id ({@code id=}), so the id is never part of the URL the model builds
 *   (no connector input, process variable, history entry or connector log line holds it);</li>
 *   <li>sets the connect and read timeouts (the connector's client has none by default: a silent
 *   server would hold a job executor thread for good);</li>
 *   <li>turns a connection failure or timeout into the BPMN error {@link #ERROR_CODE}, which the
 *   model catches on the task's boundary and routes to the staff's check by hand, so an outage never
 *   stops the process. (The engine finds a BpmnError in the cause chain of the connector's
 *   ConnectorRequestException.) The message is Japanese for the staff's form and never has the id.</li>
 * </ul>
 * Connect's connectors are JVM-wide singletons, while each Spring context (tests start several) has
 * its own settings: contexts register their settings by base URL here and the interceptor picks the
 * one the request goes to. Requests to other addresses pass through untouched.
 */
public class NtaRequestInterceptor implements ConnectorRequestInterceptor {

  /** The error code of the model's boundary event 「照会できない」. */
  public static final String ERROR_CODE = "CorporateNumberLookupFailed";

  private static final Map<String, CorporateNumberCheckSettings> REGISTERED = new ConcurrentHashMap<>();

  static void register(CorporateNumberCheckSettings settings) {
    REGISTERED.put(settings.baseUrl(), settings);
  }

  static void unregister(CorporateNumberCheckSettings settings) {
    REGISTERED.remove(settings.baseUrl(), settings);
  }

  @Override
  public Object handleInvocation(ConnectorInvocation invocation) throws Exception {
    if (!(invocation.getTarget() instanceof HttpRequestBase request)) {
      return invocation.proceed();
    }
    CorporateNumberCheckSettings settings = settingsFor(request.getURI());
    if (settings == null) {
      return invocation.proceed();
    }
    request.setURI(withApplicationId(request.getURI(), settings.applicationId()));
    request.setConfig(RequestConfig.copy(request.getConfig() == null ? RequestConfig.DEFAULT : request.getConfig())
        .setConnectTimeout((int) settings.connectTimeout().toMillis())
        .setConnectionRequestTimeout((int) settings.connectTimeout().toMillis())
        .setSocketTimeout((int) settings.readTimeout().toMillis())
        .setRedirectsEnabled(false)
        .build());
    try {
      return invocation.proceed();
    } catch (SocketTimeoutException | ConnectTimeoutException e) {
      throw new BpmnError(ERROR_CODE, "照会できませんでした（国税庁のWeb-APIが時間内に応答しません）");
    } catch (IOException e) {
      throw new BpmnError(ERROR_CODE, "照会できませんでした（国税庁のWeb-APIに接続できません: "
          + e.getClass().getSimpleName() + "）");
    }
  }

  private static CorporateNumberCheckSettings settingsFor(URI uri) {
    String url = uri.toString();
    for (CorporateNumberCheckSettings s : REGISTERED.values()) {
      if (url.startsWith(s.baseUrl() + "/")) {
        return s;
      }
    }
    return null;
  }

  static URI withApplicationId(URI uri, String applicationId) {
    String query = uri.getRawQuery();
    String added = "id=" + applicationId;
    return URI.create(uri.toString().replaceFirst("\\?.*$", "") + "?" + (query == null ? added : added + "&" + query));
  }
}

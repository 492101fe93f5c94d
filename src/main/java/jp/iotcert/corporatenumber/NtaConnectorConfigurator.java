package jp.iotcert.corporatenumber;

import org.camunda.connect.httpclient.HttpConnector;
import org.camunda.connect.spi.ConnectorConfigurator;

/**
 * Connect's configurator SPI (META-INF/services/org.camunda.connect.spi.ConnectorConfigurator): adds
 * the {@link NtaRequestInterceptor} to the http-connector once, when Connect loads its connectors.
 */
public class NtaConnectorConfigurator implements ConnectorConfigurator<HttpConnector> {

  @Override
  public Class<HttpConnector> getConnectorClass() {
    return HttpConnector.class;
  }

  @Override
  public void configure(HttpConnector connector) {
    if (connector.getRequestInterceptors().stream().noneMatch(NtaRequestInterceptor.class::isInstance)) {
      connector.addRequestInterceptor(new NtaRequestInterceptor());
    }
  }
}

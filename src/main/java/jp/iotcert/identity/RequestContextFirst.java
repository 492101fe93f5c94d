package jp.iotcert.identity;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Spring's RequestContextFilter ahead of every authentication filter, so the login throttle in the
 * engine's identity provider sees the client's request (its address). Without this bean Jersey's
 * auto-configuration registers it just before Jersey (order -1), after Spring Security (-100) and
 * the /engine-rest Basic filter, where HTTP Basic logins would find no request.
 */
@Configuration
public class RequestContextFirst {

  /** Spring MVC's own default place for it; SecurityConfig orders the /engine-rest filter after it. */
  public static final int ORDER = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 105;

  @Bean
  FilterRegistrationBean<RequestContextFilter> requestContextFilter() {
    FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(new RequestContextFilter());
    registration.setName("requestContextFilter");
    registration.setOrder(ORDER);
    return registration;
  }
}

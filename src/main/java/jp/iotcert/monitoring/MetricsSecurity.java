package jp.iotcert.monitoring;

import jp.iotcert.identity.CamundaIdentityAuthenticationProvider;
import jp.iotcert.identity.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The metrics endpoints (/actuator/metrics, /actuator/prometheus) are for operators only: the
 * administrators' group, with HTTP Basic as a scraper sends it (an installation gives its scraper an
 * account in that group, or a dedicated group added here). They name processes and counts of case
 * work, nothing for the public or applicants. Health and info stay as config.SecurityConfig has them.
 */
@Configuration
public class MetricsSecurity {

  static final String[] PATHS = {"/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus",
      "/actuator/prometheus/**"};

  @Bean
  @Order(0)
  SecurityFilterChain metrics(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
    http.securityMatcher(PATHS)
        .authenticationManager(new ProviderManager(provider))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> {})
        .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Groups.ADMIN));
    return http.build();
  }
}

package jp.iotcert.registry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.handler.ConversionServiceExposingInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * The public registry's controllers are also mapped by a handler mapping of their own, consulted
 * before Spring MVC's main one. Why: the registry is the most requested part of the system (anyone,
 * no login), and Spring MVC finds the controller of a path with a variable ({@code /registry/{number}},
 * {@code /api/public/certifications/{number}}) by testing every request mapping of the application in
 * turn (about 85), twice per request (Spring Security's matcher cache does the same lookup first). In a
 * profile of lookups that was the largest single share of the application's CPU (docs/performance.md,
 * "Registry"). Here only this package's few mappings are tested; every other request finds nothing here
 * and goes on to the main mapping as before. The controllers, their paths and their security are unchanged.
 */
@Configuration(proxyBeanMethods = false)
class RegistryRequestMapping {

  @Bean
  RequestMappingHandlerMapping registryHandlerMapping(
      @Qualifier("mvcContentNegotiationManager") ContentNegotiationManager contentNegotiation,
      @Qualifier("mvcConversionService") FormattingConversionService conversionService,
      @Qualifier("mvcResourceUrlProvider") ResourceUrlProvider resourceUrls) {
    RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
      @Override
      protected boolean isHandler(Class<?> beanType) {
        return super.isHandler(beanType) && beanType.getPackageName().equals(RegistryRequestMapping.class.getPackageName());
      }
    };
    mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
    mapping.setContentNegotiationManager(contentNegotiation);
    // As the main mapping's (WebMvcConfigurationSupport#getInterceptors): views and templates may use them.
    mapping.setInterceptors(new ConversionServiceExposingInterceptor(conversionService),
        new ResourceUrlProviderExposingInterceptor(resourceUrls));
    return mapping;
  }
}

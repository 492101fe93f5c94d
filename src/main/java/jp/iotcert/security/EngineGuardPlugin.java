package jp.iotcert.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Installs the engine-level guard: {@link EngineGuard} in front of every command (both interceptor
 * chains, so REST, webapps and Java API alike) and {@link TaskAccessAuthorizationProvider}, which
 * ends a user's access to a task when the assignment or candidacy ends.
 */
@Component
public class EngineGuardPlugin implements ProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    // One instance per chain: an interceptor knows the next one of its own chain.
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new EngineGuard(configuration.getIdentityService()));
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new EngineGuard(configuration.getIdentityService()));
    configuration.setResourceAuthorizationProvider(new TaskAccessAuthorizationProvider());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {}
}

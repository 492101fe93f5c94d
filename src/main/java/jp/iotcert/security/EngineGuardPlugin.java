package jp.iotcert.security;

import jp.iotcert.common.CommandChains;
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
    CommandChains.addToBoth(configuration, () -> new EngineGuard(configuration.getIdentityService()));
    configuration.setResourceAuthorizationProvider(new TaskAccessAuthorizationProvider());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {}
}

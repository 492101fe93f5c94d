package jp.iotcert.common;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Adds an interceptor in front of both of the engine's command chains (REST, webapps and Java API alike). */
public final class CommandChains {

  private CommandChains() {}

  /** Call from a plugin's {@code preInit}; the supplier gives one instance per chain, since an interceptor knows the next one of its own chain. */
  public static void addToBoth(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> interceptor) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(interceptor.get());
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(interceptor.get());
  }
}

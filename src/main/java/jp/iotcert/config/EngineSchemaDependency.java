package jp.iotcert.config;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The engine's schema is created by Liquibase (the engine's own changelog), so the process engine
 * must not start before Liquibase has run. Spring Boot orders beans found by such a detector after
 * every database initializer.
 */
public class EngineSchemaDependency implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    Set<String> names = new HashSet<>();
    names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngineConfigurationImpl.class, true, false)));
    names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngine.class, true, false)));
    return names;
  }
}

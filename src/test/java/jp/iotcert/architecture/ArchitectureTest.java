package jp.iotcert.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.beans.Introspector;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The structure docs/architecture.md promises, checked on the compiled classes: packages by
 * capability that never depend on each other in a circle, and delegates and listeners that are glue
 * (they reach the data only through a service, never a repository or SQL), each its own named
 * component whose class name follows from the bean name the model uses.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("jp.iotcert");

  /** Every package, nested ones included, is a slice: no two packages depend on each other in a circle. */
  @Test
  void packagesHaveNoCycles() {
    ArchRule rule = slices().matching("jp.iotcert.(**)").should().beFreeOfCycles();
    rule.check(MAIN);
  }

  @Test
  void delegatesAndListenersReachDataOnlyThroughServices() {
    ArchRule rule = noClasses()
        .that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
        .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
        .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
        .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
        .because("a delegate or listener reads variables, calls one service and writes variables (docs/architecture.md)");
    rule.check(MAIN);
  }

  /**
   * One delegate style (docs/architecture.md, "Delegates"): each delegate or listener is its own
   * Spring component, named by the bean name the model's `${…}` expression uses, so "find usages"
   * leads from the BPMN to one class and Cockpit's incidents name it (a `@Bean` lambda shows as `$$Lambda`).
   */
  @Test
  void delegatesAreNamedComponents() {
    ArchRule named = classes()
        .that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
        .should().beAnnotatedWith(Component.class).andShould().beTopLevelClasses();
    named.check(MAIN);
    ArchRule noLambdas = noMethods().that().areAnnotatedWith(Bean.class)
        .should().haveRawReturnType(JavaDelegate.class)
        .orShould().haveRawReturnType(TaskListener.class)
        .orShould().haveRawReturnType(ExecutionListener.class);
    noLambdas.check(MAIN);
  }

  /**
   * The class name follows from the bean name: `${scheduleValidity}` is ScheduleValidityDelegate (a
   * JavaDelegate), `${decisionRecorder}` is DecisionRecorderListener (a task or execution listener).
   */
  @Test
  void delegateClassNamesFollowTheirBeanNames() {
    ArchRule rule = classes()
        .that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
        .should(beNamedAfterTheirBean());
    rule.check(MAIN);
  }

  private static ArchCondition<JavaClass> beNamedAfterTheirBean() {
    return new ArchCondition<>("be named <BeanName>Delegate (JavaDelegate) or <BeanName>Listener (listener), "
        + "with @Component(\"beanName\")") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        String suffix = type.isAssignableTo(JavaDelegate.class) ? "Delegate" : "Listener";
        String name = type.getSimpleName();
        if (!name.endsWith(suffix) || name.length() == suffix.length()) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " should end with " + suffix));
          return;
        }
        String expected = Introspector.decapitalize(name.substring(0, name.length() - suffix.length()));
        String bean = type.tryGetAnnotationOfType(Component.class).map(Component::value).orElse("");
        if (!expected.equals(bean)) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " should be @Component(\"" + expected
              + "\") but is @Component(\"" + bean + "\")"));
        }
      }
    };
  }
}

package jp.iotcert.config;

import jp.iotcert.common.CommandChains;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A rule broken by a form submission ({@link jp.iotcert.common.FormRuleViolation}, a
 * {@link FormFieldValidationException}) is an answer to the user, not a server error. The engine
 * treats a listener's exception as a failure of its own: it wraps it (`ENGINE-03051 There was an
 * exception while invoking the TaskListener …`), so engine REST answers 500, and the command context
 * logs it at ERROR (`ENGINE-16004`). This plugin changes both, for the engine's API, REST and the webapps alike:
 * <ul>
 *   <li>{@link Unwrap}, in front of every command: a top-level task completion, task form or start
 *   form submission that fails with a {@link FormFieldValidationException} anywhere in its cause
 *   chain throws that exception itself, so engine REST's own handling of form validation applies
 *   (400; {@link FormRuleRestAnswers} then leaves only the Japanese sentence in the message);</li>
 *   <li>{@link QuietCommandContext}: the command context logs such a failure at DEBUG, as the engine
 *   does for its own user errors ({@code BadUserRequestException}), instead of ERROR.</li>
 * </ul>
 * The transaction is rolled back as before: the task stays open and unchanged.
 */
@Component
public class FormRuleAnswers extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandChains.addToBoth(configuration, Unwrap::new);
    // The engine only hands itself to a factory it creates itself.
    QuietCommandContextFactory contexts = new QuietCommandContextFactory();
    contexts.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(contexts);
  }

  /** The form rule a failure comes from, searched along its causes, or null. */
  public static FormFieldValidationException formRule(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormFieldValidationException violation) {
        return violation;
      }
    }
    return null;
  }

  /** Throws the form rule itself, not the engine's wrapper around it, for the form commands a user issues. */
  static final class Unwrap extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      boolean formCommand = Context.getCommandContext() == null && (command instanceof SubmitTaskFormCmd
          || command instanceof CompleteTaskCmd || command instanceof SubmitStartFormCmd);
      try {
        return next.execute(command);
      } catch (RuntimeException failure) {
        FormFieldValidationException violation = formCommand ? formRule(failure) : null;
        throw violation != null ? violation : failure;
      }
    }
  }

  static final class QuietCommandContextFactory extends CommandContextFactory {

    @Override
    public CommandContext createCommandContext() {
      return new QuietCommandContext(processEngineConfiguration);
    }
  }

  /** Logs a broken form rule at DEBUG (with the engine's user errors), any other failure as before. */
  static final class QuietCommandContext extends CommandContext {

    QuietCommandContext(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
    }

    @Override
    protected boolean shouldLogFine(Throwable exception) {
      return super.shouldLogFine(exception) || formRule(exception) != null;
    }
  }
}

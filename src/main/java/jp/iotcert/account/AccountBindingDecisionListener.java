package jp.iotcert.account;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「事業者アカウントを確認する」: checks and records the secretariat's decision for
 * the account named by the business key ({@link Registrations#decide}); a broken rule keeps the task open.
 */
@Component("accountBindingDecision")
public class AccountBindingDecisionListener implements TaskListener {

  private final Registrations registrations;

  public AccountBindingDecisionListener(Registrations registrations) {
    this.registrations = registrations;
  }

  @Override
  public void notify(DelegateTask task) {
    registrations.decide(task.getExecution().getProcessBusinessKey(),
        TaskInput.text(task, AccountBindingProcess.BINDING_DECISION),
        TaskInput.text(task, AccountBindingProcess.REFUSAL_REASON), TaskInput.actor(task));
  }
}

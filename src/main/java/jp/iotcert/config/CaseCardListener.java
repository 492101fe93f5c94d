package jp.iotcert.config;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the creation of every user task ({@link CaseCards} adds it to each): copies the case's card
 * variables ({@link IdentitySetup#CARD_VARIABLES}) into the task. Tasklist shows a filter's variables
 * on the cards only when the user may read them; a task-local copy is read with the task itself, so
 * staff, reviewers and committee members see which case a task belongs to without a read grant on
 * every process instance (least privilege stays as it is). No task form may have a field named like
 * a card variable: its value would stay with the task's copy instead of reaching the process.
 */
@Component("caseCard")
public class CaseCardListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    for (Map<String, String> variable : IdentitySetup.CARD_VARIABLES) {
      String name = variable.get("name");
      Object value = task.getVariable(name);
      if (value != null && !task.hasVariableLocal(name)) {
        task.setVariableLocal(name, value);
      }
    }
  }
}

package jp.iotcert.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * On task completion: the variables named in the field `required` (comma-separated) must be set,
 * not blank and not longer than {@link TaskInput#MAX_TEXT}, so a task completed over REST cannot skip what its form requires. Used as
 * {@code <camunda:taskListener class="jp.iotcert.common.RequiredVariablesListener" event="complete">}
 * with {@code <camunda:field name="required" stringValue="a,b"/>}.
 */
public class RequiredVariablesListener implements TaskListener {

  private Expression required;

  @Override
  public void notify(DelegateTask task) {
    List<String> missing = new ArrayList<>();
    for (String name : required.getValue(task).toString().split(",")) {
      Object value = task.getVariable(name.strip());
      if (value == null || value.toString().isBlank()) {
        missing.add(name.strip());
      } else {
        TaskInput.maxLength(task, name.strip(), name.strip());
      }
    }
    if (!missing.isEmpty()) {
      throw new ProcessEngineException("必須の項目が入力されていません: " + String.join(", ", missing));
    }
  }

  public void setRequired(Expression required) {
    this.required = required;
  }
}

package jp.iotcert.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * On task completion: the variables the user task names in its extension property
 * `requiredVariables` (comma-separated) must be set, not blank and not longer than
 * {@link TaskInput#MAX_TEXT}, so a task completed over REST cannot skip what its form requires. Used as
 * {@code <camunda:taskListener delegateExpression="${requiredVariables}" event="complete">} with
 * {@code <camunda:property name="requiredVariables" value="a,b"/>} on the task. The names are read
 * from the model, not injected as a field: this bean serves every task at once.
 */
@Component("requiredVariables")
public class RequiredVariablesListener implements TaskListener {

  static final String PROPERTY = "requiredVariables";

  @Override
  public void notify(DelegateTask task) {
    List<String> missing = new ArrayList<>();
    for (String name : required(task)) {
      if (TaskInput.text(task, name).isEmpty()) {
        missing.add(name);
      } else {
        TaskInput.maxLength(task, name, name);
      }
    }
    if (!missing.isEmpty()) {
      throw new FormRuleViolation(missing.get(0), "必須の項目が入力されていません: " + String.join(", ", missing));
    }
  }

  private static List<String> required(DelegateTask task) {
    UserTask element = task.getBpmnModelElementInstance();
    List<String> names = new ArrayList<>();
    if (element == null || element.getExtensionElements() == null) {
      return names;
    }
    for (CamundaProperties properties : element.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
          for (String name : property.getCamundaValue().split(",")) {
            if (!name.isBlank()) {
              names.add(name.strip());
            }
          }
        }
      }
    }
    if (names.isEmpty()) {
      // A listener without its property would check nothing: a modelling error, not a user's.
      throw new IllegalStateException("User task " + task.getTaskDefinitionKey() + " has no property " + PROPERTY);
    }
    return names;
  }
}

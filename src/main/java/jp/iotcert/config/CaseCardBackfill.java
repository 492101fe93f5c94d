package jp.iotcert.config;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start: a task created before {@link CaseCardListener} gave tasks their Markdown copies of the
 * provider's and service's names has none, and its form would show the names blank. Such a task gets
 * them now (once: afterwards it has them), from the plain names (see the changeset
 * iotcert-011-plain-card-names, which turned the running instances' names back into plain text).
 */
@Component
public class CaseCardBackfill implements SmartInitializingSingleton {

  private final TaskService taskService;

  public CaseCardBackfill(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (Task task : taskService.createTaskQuery().list()) {
      Map<String, Object> local = taskService.getVariablesLocal(task.getId(),
          List.copyOf(CaseCardListener.MARKDOWN.values()));
      if (local.isEmpty()) {
        Map<String, String> copies = CaseCardListener.markdownCopies(name -> taskService.getVariable(task.getId(), name));
        if (!copies.isEmpty()) {
          taskService.setVariablesLocal(task.getId(), copies);
        }
      }
    }
  }
}

package jp.iotcert.config;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
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
  private final ManagementService managementService;

  public CaseCardBackfill(TaskService taskService, ManagementService managementService) {
    this.taskService = taskService;
    this.managementService = managementService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    // One query finds the tasks without a copy (none once they all have one), instead of reading
    // every open task's variables at every start.
    String tasks = managementService.getTableName(TaskEntity.class);
    String variables = managementService.getTableName(VariableInstanceEntity.class);
    List<Task> missing = taskService.createNativeTaskQuery().sql("SELECT T.* FROM " + tasks + " T WHERE NOT EXISTS "
        + "(SELECT 1 FROM " + variables + " V WHERE V.TASK_ID_ = T.ID_ AND V.NAME_ = #{name})")
        .parameter("name", CaseCardListener.PROVIDER_NAME_MARKDOWN).list();
    for (Task task : missing) {
      Map<String, String> copies = CaseCardListener.markdownCopies(name -> taskService.getVariable(task.getId(), name));
      if (!copies.isEmpty()) {
        taskService.setVariablesLocal(task.getId(), copies);
      }
    }
  }
}

package jp.iotcert.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.iotcert.identity.Groups;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Guards the engine against what a user may do through its REST API (/engine-rest) and the webapps'
 * own REST (Tasklist, Cockpit) beyond what the process and the forms foresee. It acts only on
 * commands a logged-in user issues directly (top level, with an engine authentication), never on
 * the commands our listeners and delegates issue inside them, nor on the /api code and the job
 * executor, which run without an engine authentication. Administrators pass.
 *
 * <p>For the others: variables change only through the declared fields of the task's (or start
 * event's) Camunda Form; no direct variable writes, candidate changes, job operations, message or
 * signal correlation, instance starts outside start forms, modification or migration; a task is
 * assigned only to one of its candidates; comments only by those who work the task. Refusals are
 * the engine's own exceptions, so REST answers 403/400 with its JSON and Tasklist shows the text.
 */
public class EngineGuard extends CommandInterceptor {

  private static final List<Class<?>> REFUSED = List.of(
      // Variables written past the forms (issue 8, finding 1)
      AbstractVariableCmd.class, AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      // Tokens moved or instances started past the model and its start forms, with variables of any name
      StartProcessInstanceCmd.class, StartProcessInstanceAtActivitiesCmd.class, AbstractCorrelateMessageCmd.class,
      CorrelateAllMessageBatchCmd.class, SignalCmd.class, SignalEventReceivedCmd.class, ModifyProcessInstanceCmd.class,
      ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
      ProcessInstanceModificationBatchCmd.class, RestartProcessInstancesCmd.class,
      RestartProcessInstancesBatchCmd.class, MigrateProcessInstanceCmd.class, MigrateProcessInstanceBatchCmd.class,
      HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class, MessageEventReceivedCmd.class,
      EvaluateStartConditionCmd.class, SetProcessDefinitionVersionCmd.class,
      // Paths the models do not use today (external tasks, CMMN): closed before a model opens them
      ExternalTaskCmd.class, FetchExternalTasksCmd.class, CreateCaseInstanceCmd.class, CaseExecutionVariableCmd.class,
      // Attachments: the engine checks no authorization on them and the application does not use them
      CreateAttachmentCmd.class, SaveAttachmentCmd.class, DeleteAttachmentCmd.class,
      // Candidates (finding 2): the model decides who may work a task
      DeleteIdentityLinkCmd.class,
      // Jobs (finding 3): only administrators run or change them
      ExecuteJobsCmd.class, SetJobRetriesCmd.class, AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class,
      RecalculateJobDuedateCmd.class, SetJobPriorityCmd.class, AbstractSetJobStateCmd.class,
      AbstractSetJobDefinitionStateCmd.class, SetJobDefinitionPriorityCmd.class, DeleteJobCmd.class,
      DeleteJobsCmd.class, UnlockJobCmd.class,
      // Comments on a process instance rather than a task (finding 12)
      DeleteProcessInstanceCommentCmd.class);

  private final IdentityService identityService;

  public EngineGuard(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Authentication user = identityService.getCurrentAuthentication();
    if (Context.getCommandContext() != null || user == null || user.getUserId() == null || isAdministrator(user)) {
      return next.execute(command);
    }
    if (command instanceof FailedJobListener) {
      // A user's job execution is refused before it runs (ExecuteJobsCmd above), yet ExecuteJobHelper
      // still reports that refusal as a job failure; it must not cost the job a retry or an incident.
      return null;
    }
    for (Class<?> refused : REFUSED) {
      if (refused.isInstance(command)) {
        throw new AuthorizationException(user.getUserId() + " にはこの操作の権限がありません（管理者のみ）。");
      }
    }
    return next.execute(new Checked<>(command, user));
  }

  private static boolean isAdministrator(Authentication user) {
    return user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMIN);
  }

  /** Runs the checks that need the database inside the command's own transaction, then the command. */
  private record Checked<T>(Command<T> command, Authentication user) implements Command<T> {

    @Override
    public T execute(CommandContext context) {
      check(command, user, context);
      return command.execute(context);
    }
  }

  @SuppressWarnings("unchecked") // the variables fields are Map<String, Object> and VariableMap
  private static void check(Command<?> command, Authentication user, CommandContext context) {
    if (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd) {
      // ResolveTaskCmd is a CompleteTaskCmd.
      String taskId = CommandFields.text(command, "taskId");
      Map<String, ?> variables = (Map<String, ?>) CommandFields.read(command,
          command instanceof SubmitTaskFormCmd ? "properties" : "variables");
      if (variables == null || variables.isEmpty()) {
        return;
      }
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return; // the command answers "not found"
      }
      FormOutputs form = FormOutputs.of(context.runWithoutAuthorization(new GetDeployedTaskFormCmd(taskId)));
      form.check(variables, task::getVariable);
    } else if (command instanceof SubmitStartFormCmd) {
      Map<String, ?> variables = (Map<String, ?>) CommandFields.read(command, "variables");
      String definitionId = CommandFields.text(command, "processDefinitionId");
      if (variables != null && !variables.isEmpty()) {
        FormOutputs.of(context.runWithoutAuthorization(new GetDeployedStartFormCmd(definitionId)))
            .check(variables, name -> null);
      }
    } else if (command instanceof AbstractAddIdentityLinkCmd) {
      // AssignTaskCmd and SetTaskOwnerCmd are identity-link commands of type assignee and owner.
      String type = CommandFields.text(command, "type");
      if (!IdentityLinkType.ASSIGNEE.equals(type) && !IdentityLinkType.OWNER.equals(type)) {
        throw new AuthorizationException("タスクの候補者・候補グループは変更できません。");
      }
      mayHold(context, CommandFields.text(command, "taskId"), CommandFields.text(command, "userId"));
    } else if (command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd) {
      mayHold(context, CommandFields.text(command, "taskId"), CommandFields.text(command, "userId"));
    } else if (command instanceof SaveTaskCmd) {
      TaskEntity changed = (TaskEntity) CommandFields.read(command, "task");
      TaskEntity stored = changed.getId() == null ? null : context.getTaskManager().findTaskById(changed.getId());
      if (stored == null) {
        throw new AuthorizationException("タスクは作成できません（管理者のみ）。");
      }
      if (!Objects.equals(stored.getAssignee(), changed.getAssignee())) {
        mayHold(context, stored.getId(), changed.getAssignee());
      }
      if (!Objects.equals(stored.getOwner(), changed.getOwner())) {
        mayHold(context, stored.getId(), changed.getOwner());
      }
      // A parent makes the engine delete the task, without its listeners, when the parent completes;
      // a delegation state or case binding changes how it completes. Only the model sets them.
      if (!Objects.equals(stored.getParentTaskId(), changed.getParentTaskId())
          || !Objects.equals(stored.getDelegationState(), changed.getDelegationState())
          || !Objects.equals(stored.getCaseInstanceId(), changed.getCaseInstanceId())) {
        throw new AuthorizationException("タスクの親タスク・委任状態・ケースは変更できません（管理者のみ）。");
      }
    } else if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd) {
      worksOn(context, CommandFields.text(command, "taskId"), user);
    }
  }

  /** Finding 2: a task is held only by one of its candidates (a candidate user or a member of a candidate group). */
  private static void mayHold(CommandContext context, String taskId, String userId) {
    if (userId == null) {
      return; // giving a task back
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return;
    }
    Set<String> groups = new HashSet<>(context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
        .createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList()));
    if (!isCandidate(task, userId, groups)) {
      throw new AuthorizationException("タスク「" + task.getName() + "」は候補グループのメンバーにだけ割り当てられます（"
          + userId + " は対象外です）。");
    }
  }

  /** Finding 12: comments only by those who work the task: its assignee or one of its candidates. */
  private static void worksOn(CommandContext context, String taskId, Authentication user) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw new AuthorizationException("コメントはタスクの担当者・候補者だけが書けます。");
    }
    Set<String> groups = user.getGroupIds() == null ? Set.of() : new HashSet<>(user.getGroupIds());
    if (!user.getUserId().equals(task.getAssignee()) && !isCandidate(task, user.getUserId(), groups)) {
      throw new AuthorizationException("コメントはタスクの担当者・候補者だけが書けます（" + user.getUserId() + " は対象外です）。");
    }
  }

  private static boolean isCandidate(TaskEntity task, String userId, Set<String> groups) {
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (userId.equals(link.getUserId()) || link.getGroupId() != null && groups.contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }
}

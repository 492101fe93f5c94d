package jp.iotcert.security;

import java.util.Objects;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine grants a task to its assignee, owner and candidates, but by default never takes the
 * grant back: a user once assigned, or a group once added as candidate, kept reading and working the
 * task (issue 8, finding 2). Here the grant ends with the assignment, ownership or candidacy, unless
 * the same user or group still holds the task another way.
 */
public class TaskAccessAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !holdsOtherwise(task, oldAssignee, Role.ASSIGNEE)) {
      revokeUser(task, oldAssignee);
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    if (oldOwner != null && !oldOwner.equals(newOwner) && !holdsOtherwise(task, oldOwner, Role.OWNER)) {
      revokeUser(task, oldOwner);
    }
    return super.newTaskOwner(task, oldOwner, newOwner);
  }

  @Override
  public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
    if (userId != null && !holdsOtherwise(task, userId, type)) {
      revokeUser(task, userId);
    }
    return null;
  }

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (groupId != null && ((TaskEntity) task).getIdentityLinks().stream()
        .noneMatch(l -> groupId.equals(l.getGroupId()) && !Objects.equals(type, l.getType()))) {
      Context.getCommandContext().getAuthorizationManager()
          .deleteAuthorizationsByResourceIdAndGroupId(Resources.TASK, task.getId(), groupId);
    }
    return null;
  }

  private enum Role { ASSIGNEE, OWNER }

  /**
   * Whether the user still holds the task as assignee, owner or through a link other than the one
   * ending ({@code ending}: the role, or the identity link's type).
   */
  private static boolean holdsOtherwise(Task task, String userId, Object ending) {
    if (ending != Role.ASSIGNEE && userId.equals(task.getAssignee())) {
      return true;
    }
    if (ending != Role.OWNER && userId.equals(task.getOwner())) {
      return true;
    }
    for (IdentityLinkEntity link : ((TaskEntity) task).getIdentityLinks()) {
      if (userId.equals(link.getUserId()) && !Objects.equals(ending, link.getType())) {
        return true;
      }
    }
    return false;
  }

  private static void revokeUser(Task task, String userId) {
    Context.getCommandContext().getAuthorizationManager()
        .deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), userId);
  }
}

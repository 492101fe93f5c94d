package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of the investigation's staff tasks: a delegated investigation (第19条) is worked by
 * its delegate, as recorded (never from a variable a client could set).
 */
@Component("assignInvestigationDelegate")
public class AssignInvestigationDelegateListener implements TaskListener {

  private final Investigations investigations;

  public AssignInvestigationDelegateListener(Investigations investigations) {
    this.investigations = investigations;
  }

  @Override
  public void notify(DelegateTask task) {
    String delegate = investigations.forProcess(task.getExecution()).delegatedTo();
    if (delegate != null) {
      // A candidate too: tasks go only to their candidates (EngineGuard), so staff may hand the
      // task back to the delegate, and the delegate's access ends when the task leaves it.
      task.addCandidateUser(delegate);
      task.setAssignee(delegate);
    }
  }
}

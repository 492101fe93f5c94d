package jp.iotcert.application;

import jp.iotcert.identity.CurrentUser;
import jp.iotcert.identity.Groups;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * 第20条: a provider's non-public information is seen only by the people working on the case.
 * Staff and managers run every case; a provider sees its own applications; reviewers, committee
 * members and delegates see an application once they have had a task in it (as assignee, candidate,
 * or through their group).
 */
@Component
public class CaseAccess {

  private final CurrentUser currentUser;
  private final HistoryService historyService;

  public CaseAccess(CurrentUser currentUser, HistoryService historyService) {
    this.currentUser = currentUser;
    this.historyService = historyService;
  }

  public boolean mayRead(Application application) {
    if (!currentUser.isExternalCaller()) {
      return true; // the application's own code (delegates, jobs), not a caller from outside
    }
    if (currentUser.isIn(Groups.STAFF) || currentUser.isIn(Groups.MANAGER)) {
      return true;
    }
    if (currentUser.isIn(Groups.PROVIDER) && currentUser.mayActFor(application.corporateNumber())) {
      return true;
    }
    String no = application.applicationNumber();
    String user = currentUser.id();
    if (historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(no).taskInvolvedUser(user).count() > 0) {
      return true;
    }
    for (String group : new String[] {Groups.REVIEWER, Groups.DELEGATE}) {
      if (currentUser.isIn(group) && historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(no)
          .taskHadCandidateGroup(group).count() > 0) {
        return true;
      }
    }
    return false;
  }
}

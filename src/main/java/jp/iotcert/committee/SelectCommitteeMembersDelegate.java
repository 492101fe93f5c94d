package jp.iotcert.committee;

import java.util.ArrayList;
import java.util.List;
import jp.iotcert.application.ApplicationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 「利害関係のない委員を選任する」: sets `committeeMembers` (the eligible members), `committeeChair`
 * (the first of them) and `membersSufficient` (at least iotcert.committee.minimum-members).
 */
@Component("selectCommitteeMembers")
public class SelectCommitteeMembersDelegate implements JavaDelegate {

  private final CommitteeSelection selection;
  private final int minimumMembers;

  public SelectCommitteeMembersDelegate(CommitteeSelection selection,
      @Value("${iotcert.committee.minimum-members}") int minimumMembers) {
    this.selection = selection;
    this.minimumMembers = minimumMembers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> members = new ArrayList<>(
        selection.eligibleMembers((String) execution.getVariable(ApplicationProcess.CORPORATE_NUMBER)));
    execution.setVariable(CommitteeProcess.MEMBERS,
        Variables.objectValue(members).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    execution.setVariable(CommitteeProcess.MEMBERS_SUFFICIENT, members.size() >= minimumMembers);
    execution.setVariable(CommitteeProcess.CHAIR, members.isEmpty() ? null : members.get(0));
  }
}

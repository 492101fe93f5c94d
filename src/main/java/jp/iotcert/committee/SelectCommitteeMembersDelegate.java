package jp.iotcert.committee;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 「利害関係のない委員を選任する」: sets `committeeMembers` (the eligible members), `committeeChair`
 * and `membersSufficient` ({@link CommitteeSelection#select}).
 */
@Component("selectCommitteeMembers")
public class SelectCommitteeMembersDelegate implements JavaDelegate {

  private final CommitteeSelection selection;

  public SelectCommitteeMembersDelegate(CommitteeSelection selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CommitteeSelection.Committee committee =
        selection.select((String) execution.getVariable(CommitteeProcess.CORPORATE_NUMBER));
    execution.setVariable(CommitteeProcess.MEMBERS, Variables.objectValue(new ArrayList<>(committee.members()))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    execution.setVariable(CommitteeProcess.MEMBERS_SUFFICIENT, committee.sufficient());
    execution.setVariable(CommitteeProcess.CHAIR, committee.chair());
  }
}

package jp.iotcert.oversight;

import static jp.iotcert.oversight.EmergencyRulesTest.refused;

import jp.iotcert.common.TaskInput;
import org.junit.jupiter.api.Test;

/** 第16条, 第17条1(7): a request not followed is answered with staff's note, revocation proposed or not. */
class ImprovementRulesTest {

  private final ImprovementRules rules = new ImprovementRules();

  @Test
  void aProposalStatesWhyTheRequestWasNotFollowed() {
    refused(() -> rules.checkProposal(""), ImprovementProcess.PROPOSAL_NOTE, "所見を記入してください。");
    refused(() -> rules.checkProposal(null), ImprovementProcess.PROPOSAL_NOTE, "所見を記入してください。");
    rules.checkProposal("期限までに報告がない");
  }

  @Test
  void theNoteIsWithinTheLimit() {
    refused(() -> rules.checkProposal("あ".repeat(TaskInput.MAX_TEXT + 1)), ImprovementProcess.PROPOSAL_NOTE,
        "所見は3000文字以内で入力してください。");
  }
}

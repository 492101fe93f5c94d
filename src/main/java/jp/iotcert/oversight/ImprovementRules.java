package jp.iotcert.oversight;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * What staff's answer to an improvement request that was not followed must be (第16条: the provider
 * improves and reports by the deadline; 第17条1(7): missing its deadline or refusing it is a ground of revocation):
 * 「取消しの提案を判断する」 says why the request was not followed (within {@link TaskInput#MAX_TEXT}),
 * whether or not revocation is proposed.
 */
@Service
public class ImprovementRules {

  /**
   * @param proposalNote staff's note, trimmed ("" or null when empty)
   * @throws FormRuleViolation when the note is missing or too long
   */
  public void checkProposal(String proposalNote) {
    TaskInput.maxLength(ImprovementProcess.PROPOSAL_NOTE, "所見", proposalNote);
    if (proposalNote == null || proposalNote.isBlank()) {
      throw new FormRuleViolation(ImprovementProcess.PROPOSAL_NOTE, "所見を記入してください。");
    }
  }
}

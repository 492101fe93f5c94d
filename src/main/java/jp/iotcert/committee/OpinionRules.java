package jp.iotcert.committee;

import java.util.Collection;
import java.util.Set;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * 第7条: the committee gives its opinion through the members selected for the application (none
 * with a declared interest in the applicant): only a selected member holds an opinion task, and an
 * opinion is one of 賛成・条件付き賛成・反対 with its reasons.
 */
@Service
public class OpinionRules {

  public static final Set<String> OPINIONS = Set.of("FAVOURABLE", "CONDITIONAL", "UNFAVOURABLE");

  /** @throws FormRuleViolation when the holder is not one of the selected members */
  public void checkHolder(Collection<?> selectedMembers, String holder) {
    if (selectedMembers == null || holder == null || !selectedMembers.contains(holder)) {
      throw new FormRuleViolation("この意見提出は選任された委員（" + selectedMembers + "）だけが担当できます。");
    }
  }

  /**
   * @param comment the member's reasons, trimmed ("" when none)
   * @throws FormRuleViolation naming the field and saying, in Japanese, what to correct
   */
  public void checkOpinion(String opinion, String comment) {
    if (opinion == null || !OPINIONS.contains(opinion)) {
      throw new FormRuleViolation(CommitteeProcess.OPINION, "意見（賛成・条件付き賛成・反対）を選んでください。");
    }
    if (comment.isBlank()) {
      throw new FormRuleViolation(CommitteeProcess.OPINION_COMMENT, "意見の理由を記入してください。");
    }
    if (comment.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(CommitteeProcess.OPINION_COMMENT,
          "意見の理由は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
  }
}

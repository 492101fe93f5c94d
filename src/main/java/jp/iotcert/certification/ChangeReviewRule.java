package jp.iotcert.certification;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * 第13条第1項: staff review a notified change; a change they do not accept is answered with its
 * reason, which the provider reads in the notice. The note is kept within {@link TaskInput#MAX_TEXT}.
 */
@Service
public class ChangeReviewRule {

  /** Throws {@link FormRuleViolation} when the review cannot be recorded as submitted. */
  public void check(boolean accepted, String note) {
    String text = note == null ? "" : note.strip();
    if (!accepted && text.isEmpty()) {
      throw new FormRuleViolation(CertificationProcess.REVIEW_NOTE, "変更を認めない場合は、その理由を記入してください。");
    }
    if (text.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(CertificationProcess.REVIEW_NOTE,
          "審査の所見は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
  }
}

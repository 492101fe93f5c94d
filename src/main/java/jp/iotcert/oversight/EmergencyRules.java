package jp.iotcert.oversight;

import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * What staff's answers in an emergency case must be (第14条: the provider reports on its measures and
 * their progress until the body closes the case; 第17条1(5): whether the provider notified the
 * emergency promptly is a fact of a revocation).
 * <ul>
 *   <li>{@link #checkAssessment}: 「通知の適時性を確認する」 states whether the notification was prompt,
 *   with staff's note;</li>
 *   <li>{@link #chooseAction}: 「経過報告を確認する」 and 「報告の遅れに対応する」 wait for the next report
 *   (CONTINUE) or close the case (CLOSE); closing is refused while a report staff have not yet seen is
 *   kept with the case, needs a summary, and an investigation opened on closing (第15条) needs the
 *   explanation asked of the provider and a deadline ({@link DateRules#checkFormDeadline}).</li>
 * </ul>
 * Texts are taken trimmed, "" or null when empty; every refusal is a {@link FormRuleViolation} naming
 * the form field, with the Japanese sentence the user reads.
 */
@Service
public class EmergencyRules {

  /** What staff chose: close or not, and whether an investigation opens on closing. */
  public record Action(boolean close, boolean openInvestigation) {}

  /** The fields of the action forms. */
  public record ActionForm(Object action, String closingSummary, boolean openInvestigation,
      String investigationRequest, LocalDate investigationDeadline) {}

  /**
   * 第17条1(5): whether the provider notified promptly must be answered, with staff's note.
   *
   * @param notifiedPromptly the answer, null when none was chosen
   * @throws FormRuleViolation when the answer or the note is missing, or the note is too long
   */
  public void checkAssessment(Boolean notifiedPromptly, String staffNote) {
    if (notifiedPromptly == null) {
      throw new FormRuleViolation(EmergencyProcess.NOTIFIED_PROMPTLY, "速やかに通知されたか（はい／いいえ）を選んでください。");
    }
    TaskInput.maxLength(EmergencyProcess.STAFF_NOTE, "所見", staffNote);
    if (isEmpty(staffNote)) {
      throw new FormRuleViolation(EmergencyProcess.STAFF_NOTE, "所見を記入してください。");
    }
  }

  /**
   * 第14条: wait for the next report or close the case (and open an investigation, 第15条).
   *
   * @param today the business day, for the investigation's deadline
   * @param unseenReport whether a report staff have not yet seen is kept with the case; asked only on closing
   * @return what was chosen; an investigation opens only with a closing
   * @throws FormRuleViolation when the choice cannot be taken as submitted
   */
  public Action chooseAction(ActionForm form, LocalDate today, BooleanSupplier unseenReport) {
    boolean close = EmergencyProcess.ACTION_CLOSE.equals(form.action());
    if (!close && !EmergencyProcess.ACTION_CONTINUE.equals(form.action())) {
      throw new FormRuleViolation(EmergencyProcess.ACTION, "報告を待つ（CONTINUE）か終結する（CLOSE）かを選んでください。");
    }
    TaskInput.maxLength(EmergencyProcess.CLOSING_SUMMARY, "終結の概要", form.closingSummary());
    TaskInput.maxLength(EmergencyProcess.INVESTIGATION_REQUEST, "求める説明・資料", form.investigationRequest());
    if (close) {
      if (unseenReport.getAsBoolean()) {
        throw new FormRuleViolation(EmergencyProcess.ACTION,
            "新しい経過報告が届いています。「次の経過報告を待つ」を選ぶと続けて確認できます。確認してから終結してください。");
      }
      if (isEmpty(form.closingSummary())) {
        throw new FormRuleViolation(EmergencyProcess.CLOSING_SUMMARY, "終結するときは概要を記入してください。");
      }
      if (form.openInvestigation()) {
        if (isEmpty(form.investigationRequest())) {
          throw new FormRuleViolation(EmergencyProcess.INVESTIGATION_REQUEST,
              "調査を開始するときは、事業者に求める説明・資料を記入してください。");
        }
        DateRules.checkFormDeadline(EmergencyProcess.INVESTIGATION_DEADLINE, "調査の提出期限",
            form.investigationDeadline(), today);
      }
    }
    return new Action(close, close && form.openInvestigation());
  }

  private static boolean isEmpty(String text) {
    return text == null || text.isBlank();
  }
}

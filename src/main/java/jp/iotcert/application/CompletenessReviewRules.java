package jp.iotcert.application;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * Staff's completeness check 「申請書類を確認する」 (第4条, 第5条: the application and its documents
 * are complete before the review): unticked means incomplete, and then the applicant must be told
 * what to supplement, unless the automatic check already lists it.
 */
@Service
public class CompletenessReviewRules {

  /**
   * @param supplementRequest what staff wrote to the applicant, trimmed ("" when nothing)
   * @throws FormRuleViolation naming the field and saying, in Japanese, what to correct
   */
  public void check(boolean documentsComplete, boolean autoComplete, String supplementRequest) {
    if (!documentsComplete && autoComplete && supplementRequest.isBlank()) {
      throw new FormRuleViolation(ApplicationProcess.SUPPLEMENT_REQUEST,
          "書類が揃っていない場合は、補正依頼の内容を記入してください。");
    }
    if (supplementRequest.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(ApplicationProcess.SUPPLEMENT_REQUEST,
          "補正依頼の内容は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
  }

  /**
   * 第4条第1項第2号: when the corporate-number check did not confirm the applicant (not found, closed,
   * differing, not answered, not configured), staff may find the documents complete only after
   * confirming the corporation by the 登記事項証明書. If they cannot, they leave the documents
   * incomplete and ask for a supplement (a current 登記事項証明書, or corrected name or address).
   *
   * A renewal (第12条) needs no 登記事項証明書, so it is not asked either; its form shows the result for
   * the lapse (第9条第2項) and change notification (第13条) it may point to.
   *
   * @param corporateNumberConfirmed the check's result; null for an application started before the
   *     check was modelled (no tick asked)
   */
  public void checkCorporation(boolean documentsComplete, Boolean corporateNumberConfirmed, boolean corporationVerified,
      boolean renewal) {
    if (documentsComplete && !renewal && Boolean.FALSE.equals(corporateNumberConfirmed) && !corporationVerified) {
      throw new FormRuleViolation(ApplicationProcess.CORPORATION_VERIFIED,
          "国税庁の照会で法人の実在を確認できていません。登記事項証明書で確認してチェックを入れてください。"
              + "確認できない場合は「揃っている」のチェックを外し、補正依頼の内容を記入してください。");
    }
  }
}

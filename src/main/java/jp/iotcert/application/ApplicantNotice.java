package jp.iotcert.application;

import jp.iotcert.notice.NoticeText;

/**
 * The notices an applicant receives; their Japanese texts are templates (NoticeTemplates; defaults in
 * classpath:notice-templates/KIND.mustache). Sending a notice changes nothing else: the
 * application ends in its own step 「申請を終了する」 ({@link ApplicationOutcome}) before the notice.
 */
public enum ApplicantNotice implements NoticeText {

  REFUSED_ART8,
  SUPPLEMENT_REQUESTED,
  FEE_REMINDER,
  CLOSED_SUPPLEMENT_OVERDUE,
  CLOSED_FEE_UNPAID,
  CLOSED_CERTIFICATION_ENDED,
  CERTIFIED,
  NOT_CERTIFIED,
  WITHDRAWN,
  INSPECTION_SCHEDULED
}

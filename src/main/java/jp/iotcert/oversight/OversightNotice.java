package jp.iotcert.oversight;

import jp.iotcert.notice.NoticeText;

/** Notices to a certified provider in the cases the body opens against its service (第14条–第17条); texts: classpath:notice-templates (NoticeTemplates). */
public enum OversightNotice implements NoticeText {

  IMPROVEMENT_REQUESTED,
  EMERGENCY_RECEIVED,
  EMERGENCY_REPORT_REMINDER,
  EMERGENCY_CLOSED,
  EXPLANATION_REQUESTED,
  /** Shares its kind with the applicant's notice of that name; its own template. */
  INSPECTION_SCHEDULED {
    @Override
    public String template() {
      return "OVERSIGHT_INSPECTION_SCHEDULED";
    }
  },
  INSPECTION_COST_CHARGED,
  INVESTIGATION_CLOSED,
  REVOKED
}

package jp.iotcert.certification;

import jp.iotcert.notice.NoticeText;

/** Notices to a certified provider about its certification's life (第9条–第13条); texts: classpath:notice-templates (NoticeTemplates). */
public enum ProviderNotice implements NoticeText {

  RENEWAL_REMINDER,
  RENEWAL_WINDOW_OPEN,
  RENEWAL_WINDOW_CLOSED,
  RENEWAL_UNDER_REVIEW,
  EXPIRED,
  LAPSED,
  TERMINATED,
  CERTIFICATE_RETURN_REMINDER,
  CHANGE_ACCEPTED,
  CHANGE_NOT_ACCEPTED,
  RENEWAL_REFUSED_ENDED
}

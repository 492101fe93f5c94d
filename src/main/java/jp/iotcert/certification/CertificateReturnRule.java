package jp.iotcert.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.FormRuleViolation;
import org.springframework.stereotype.Service;

/**
 * Whether a certification that ended must have its certificate returned to the body: after a
 * revocation (第10条第8項) and after the provider ended the service (第13条第3項). A lapse (第9条第2項) and
 * the end of validity (第9条, 第10条第6項) ask the provider only to stop using the mark, not for the
 * certificate back. The one place this is decided: the certification's process (「認定の終了」) and
 * the provider's view of their obligations both ask here. Also when the return is due, and which
 * day of receipt staff may record.
 */
@Service
public class CertificateReturnRule {

  /** An ISO 8601 repetition with no start: `R6/P14D`, `R/PT1H` (the first repetition fires one interval after the start). */
  private static final Pattern CYCLE = Pattern.compile("R\\d*/(P[0-9A-Z.]+)");

  /** True when a certification that ended as {@code endedAs} owes its certificate back. */
  public boolean required(CertificationStatus endedAs) {
    return switch (endedAs) {
      case REVOKED, TERMINATED -> true;
      case LAPSED, EXPIRED, VALID, RENEWAL_UNDER_REVIEW -> false;
    };
  }

  /**
   * When the certificate is overdue: when the first reminder of {@code reminderCycle} fires, one
   * interval after the task 「認定証の返納を確認する」 appears at {@code from} (the timer's own reading
   * of the cycle). The task's due date, so Tasklist's 「期限切れ」 lists it once the provider is reminded.
   *
   * @throws IllegalStateException when the cycle (a setting) is no repetition `R[n]/<duration>`
   */
  public Date dueAt(String reminderCycle, Instant from) {
    Matcher cycle = CYCLE.matcher(reminderCycle == null ? "" : reminderCycle.strip());
    if (!cycle.matches()) {
      throw new IllegalStateException("iotcert.lifecycle.certificate-return-reminders '" + reminderCycle
          + "' is no ISO 8601 repetition R[n]/<duration>");
    }
    try {
      GregorianCalendar due = new GregorianCalendar(TimeZone.getTimeZone(BusinessCalendar.ZONE));
      due.setTimeInMillis(from.toEpochMilli());
      DatatypeFactory.newInstance().newDuration(cycle.group(1)).addTo(due);
      return due.getTime();
    } catch (IllegalArgumentException | DatatypeConfigurationException e) {
      throw new IllegalStateException("iotcert.lifecycle.certificate-return-reminders '" + reminderCycle
          + "' has no readable duration", e);
    }
  }

  /**
   * The day staff received the certificate (「認定証を受領した日」), read as every form date is
   * ({@link DateRules#formDate}): refused when missing, unreadable, before 2000-01-01 or after today
   * (a receipt is recorded once it happened, never ahead).
   *
   * @param today today in Japan ({@link BusinessCalendar#today()})
   * @throws FormRuleViolation naming the field, with the Japanese sentence
   */
  public LocalDate returnedOn(Object value, LocalDate today) {
    LocalDate day = DateRules.formDate(CertificationProcess.CERTIFICATE_RETURNED_ON, value);
    if (day == null) {
      throw new FormRuleViolation(CertificationProcess.CERTIFICATE_RETURNED_ON, "認定証を受領した日を入力してください。");
    }
    String refusal = DateRules.pastEvent(day, today);
    if (refusal != null) {
      throw new FormRuleViolation(CertificationProcess.CERTIFICATE_RETURNED_ON, "認定証を受領した日に" + refusal + "。");
    }
    return day;
  }
}

package jp.iotcert.inspection;

import java.time.LocalDate;
import java.util.Set;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.JapaneseDates;
import org.springframework.stereotype.Service;

/**
 * The report of an on-site inspection (第6条3, 第15条2) tells what was found at the provider's
 * premises, so it cannot be completed before the day the inspection was scheduled for (the
 * `inspectionDate` agreed in 「実地調査の日程を調整する」), judged by the day in Japan.
 */
@Service
public class InspectionReportRules {

  /** The two results the report form offers (適合 / 不適合); the later forms and decisions read them. */
  public static final Set<String> RESULTS = Set.of("CONFORMING", "NON_CONFORMING");

  /**
   * The result must be one the form offers: a value sent through /engine-rest that no form offers
   * would reach the committee's, the manager's and the investigation's forms as a code nobody chose.
   *
   * @throws FormRuleViolation for any other value
   */
  public void checkResult(Object result) {
    if (!(result instanceof String text) || !RESULTS.contains(text)) {
      throw new FormRuleViolation(InspectionProcess.INSPECTION_RESULT,
          "調査結果は「適合」か「不適合」のどちらかを選んでください。");
    }
  }

  /**
   * @param inspectionDate the scheduled day
   * @param today today in Japan ({@link BusinessCalendar#today()})
   * @throws FormRuleViolation when the report comes before the scheduled day
   */
  public void checkReportDate(LocalDate inspectionDate, LocalDate today) {
    if (today.isBefore(inspectionDate)) {
      throw new FormRuleViolation(InspectionProcess.INSPECTION_REPORT,
          "実地調査の予定日（" + JapaneseDates.format(inspectionDate) + "）より前には、調査結果を報告できません。調査を行った後に報告してください。");
    }
  }

  /**
   * The scheduled day as the schedule form stored it: a date string (`2026-12-10`, `2026/12/10`, or
   * an ISO date-time whose day is taken), a {@link LocalDate}, or a {@code java.util.Date} (read in Japan time).
   *
   * @throws IllegalStateException when there is none or it cannot be read: a fault of the model or
   *     data for the operators, not something the reporter can correct
   */
  public static LocalDate scheduledDay(Object value) {
    // The forms' one reading of a date (DateRules.formDate), with 2026/12/10 as older schedules stored it.
    Object date = value instanceof String text ? text.strip().replace('/', '-') : value;
    try {
      LocalDate day = DateRules.formDate(InspectionProcess.INSPECTION_DATE, date);
      if (day != null) {
        return day;
      }
    } catch (FormRuleViolation unreadable) {
      // below: not the reporter's to correct
    }
    throw new IllegalStateException("The inspection date '" + value + "' cannot be read");
  }
}

package jp.iotcert.schedule;

import java.util.Map;

/**
 * What a deadline is, in the words of the scheme: the kind of a timer follows from its BPMN element
 * (its ID is stable across model versions, its name may be reworded), a user task's due date is a
 * 「タスク期限」. The timers are those of docs/processes.md: 第9条 validity, the renewal window of
 * 第12条1, the fee of 第5条, supplements of 第4条, reports and explanations of 第14条–第16条.
 */
public final class DueKinds {

  /** A user task's due date, whatever deadline it was taken from (the task name says which). */
  public static final String TASK = "タスク期限";

  private static final Map<String, String> TIMERS = Map.ofEntries(
      Map.entry("Timer_ValidityEnds", "有効期間満了"),
      Map.entry("Timer_RenewalReminder", "更新案内"),
      Map.entry("Timer_RenewalWindowOpens", "更新受付開始"),
      Map.entry("Timer_RenewalWindowCloses", "更新受付終了"),
      Map.entry("Timer_TerminationEffective", "サービス終了日"),
      Map.entry("Timer_CertificateReturnReminder", "認定証返納の督促"),
      Map.entry("Timer_FeeReminder", "手数料の督促"),
      Map.entry("Timer_FeeDeadline", "手数料の納付期限"),
      Map.entry("Timer_SupplementDeadline", "補正期限"),
      Map.entry("Timer_ReportOverdue", "報告期限"),
      Map.entry("Timer_ImprovementDeadline", "改善期限"),
      Map.entry("Timer_ExplanationDeadline", "提出期限"));

  private DueKinds() {}

  /**
   * The kind of a timer: known elements by their ID; an element added later by its name (so a new
   * timer is listed under its Japanese name, never under an ID), else 「期日」.
   */
  public static String ofTimer(String activityId, String activityName) {
    String known = activityId == null ? null : TIMERS.get(activityId);
    if (known != null) {
      return known;
    }
    return activityName == null || activityName.isBlank() ? "期日" : activityName.strip();
  }
}

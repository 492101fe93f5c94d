package jp.iotcert.common;

import java.util.Map;

/**
 * The Japanese messages of incidents (a job that failed and has no retries left), as Cockpit shows
 * them to the manager and the administrator: which step of which process failed for which case,
 * why, and what to do. A {@link JobFailure} brings its own action; any other exception (a bug, the
 * database, a missing variable) is reported with its technical message and the generic action:
 * remove the cause, then retry the job in Cockpit.
 */
public final class IncidentMessages {

  /** Starts the action in every message, so a message that already has one does not get two. */
  public static final String ACTION = "対処: ";

  /** Generic action for a failure whose cause has no advice of its own. */
  public static final String RETRY = "原因（技術情報とサーバーのログ）を確認して取り除いてから、管理者が Cockpit のこの"
      + "プロセスインスタンスの「インシデント」タブでジョブをリトライしてください。リトライするまで、この案件の処理は止まったままです。";

  /** ACT_RU_INCIDENT.INCIDENT_MSG_ holds 4,000 characters. */
  static final int MAX_LENGTH = 4000;

  private static final String CAUSE = "技術情報: ";

  private static final Map<String, String> STATUS = Map.ofEntries(
      Map.entry("VALID", "有効"), Map.entry("RENEWAL_UNDER_REVIEW", "更新審査中"), Map.entry("EXPIRED", "期間満了"),
      Map.entry("REVOKED", "取消"), Map.entry("LAPSED", "失効"), Map.entry("TERMINATED", "終了"),
      Map.entry("SUBMITTED", "受付"), Map.entry("SUPPLEMENT_REQUESTED", "補正依頼中"), Map.entry("UNDER_REVIEW", "審査中"),
      Map.entry("DECIDED", "判定済み"), Map.entry("CERTIFIED", "認定"), Map.entry("NOT_CERTIFIED", "不認定"),
      Map.entry("REFUSED", "拒否"), Map.entry("WITHDRAWN", "取下げ"), Map.entry("CLOSED", "終了"));

  private IncidentMessages() {}

  static String withAction(String problem, String action) {
    return problem.strip() + " " + ACTION + action.strip();
  }

  /** A state (certification or application status) as the secretariat names it, e.g. REVOKED → 取消. */
  public static String status(Enum<?> status) {
    return status == null ? "不明" : STATUS.getOrDefault(status.name(), status.name());
  }

  /**
   * The incident message of a failed job.
   *
   * @param processName the process's name (「認定サービスのライフサイクル」), or its key if it has none
   * @param activityName the step's name (「認定を終了する（期間満了）」), or its ID; null for a job of no step
   * @param caseKey the application or certification number (the root instance's business key), or null
   * @param cause the job's exception message (a {@link JobFailure}'s Japanese sentence or a technical one)
   */
  public static String failedJob(String processName, String activityName, String caseKey, String cause) {
    StringBuilder message = new StringBuilder();
    message.append(caseKey == null || caseKey.isBlank() ? "" : "【" + caseKey.strip() + "】");
    message.append(processName == null ? "プロセス" : "「" + processName.strip() + "」");
    message.append(activityName == null ? "の自動処理" : "の「" + activityName.strip() + "」");
    message.append("が失敗しました。");
    String text = cause == null || cause.isBlank() ? "" : cause.strip();
    if (text.contains(ACTION)) {
      message.append(text);
    } else {
      message.append(ACTION).append(RETRY);
      if (!text.isEmpty()) {
        message.append(" ").append(CAUSE).append(text);
      }
    }
    return message.length() <= MAX_LENGTH ? message.toString() : message.substring(0, MAX_LENGTH - 1) + "…";
  }
}

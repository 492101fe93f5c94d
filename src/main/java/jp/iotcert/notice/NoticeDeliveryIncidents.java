package jp.iotcert.notice;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A notice that could not be e-mailed after the last retry becomes an incident in Cockpit, never a
 * silently lost notice: an instance of process notice-delivery (business key: the case) is started
 * for it and carries a custom incident of type {@value #TYPE} saying which notice to whom failed and
 * what to do. The notice's case process may have ended already (most notices close a case), so the
 * incident cannot live there. When the notice is delivered later, the incident is resolved and the
 * instance ends.
 */
@Component
public class NoticeDeliveryIncidents {

  public static final String TYPE = "noticeDelivery";

  private final RuntimeService runtime;

  public NoticeDeliveryIncidents(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Opens the incident for a notice; returns the id of the instance that carries it. */
  String open(String noticeId, String caseKey, String kind, String recipient, String subject, int attempts,
      String cause, String retryInterval) {
    ProcessInstance instance = runtime.startProcessInstanceByKey(NoticeDeliveryProcess.KEY, caseKey,
        Map.of(NoticeDeliveryProcess.NOTICE_ID, noticeId, NoticeDeliveryProcess.NOTICE_KIND, kind));
    String message = message(caseKey, subject, kind, recipient, attempts, cause, retryInterval);
    // On the execution waiting at the catch event (the instance's own one has no activity there).
    String execution = runtime.createExecutionQuery().processInstanceId(instance.getId())
        .activityId(NoticeDeliveryProcess.EVENT_DELIVERED).singleResult().getId();
    runtime.createIncident(TYPE, execution, noticeId, message);
    return instance.getId();
  }

  /** The notice was delivered: resolves its incident and ends the instance. */
  void close(String processInstanceId) {
    for (Incident incident : runtime.createIncidentQuery().processInstanceId(processInstanceId)
        .incidentType(TYPE).list()) {
      runtime.resolveIncident(incident.getId());
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).active().count() > 0) {
      runtime.createMessageCorrelation(NoticeDeliveryProcess.MESSAGE_DELIVERED).processInstanceId(processInstanceId)
          .correlateWithResult();
    }
  }

  static String message(String caseKey, String subject, String kind, String recipient, int attempts, String cause,
      String retryInterval) {
    String text = "通知「" + subject + "」（種類 " + kind + "、案件 " + (caseKey == null ? "なし" : caseKey) + "）を "
        + recipient + " へメールで送れませんでした（" + attempts + " 回試行）。通知は記録されており、"
        + retryInterval + " ごとに送り直します。技術情報: " + (cause == null ? "不明" : cause) + " "
        + "対処: メールサーバーの状態（SMTP の設定とログ）と宛先のアドレスを確認してください。原因が取り除かれると次の送り直しで届き、"
        + "このインシデントは自動で解決されます。宛先が誤っている場合は、事業者に連絡先を確認し、届いていない通知の内容を別途伝えてください。";
    return text.length() > 4000 ? text.substring(0, 4000) : text;
  }
}

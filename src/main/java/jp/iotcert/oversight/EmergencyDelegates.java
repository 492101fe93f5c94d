package jp.iotcert.oversight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationNotifications;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.ProviderNotifier;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The `emergency` process's service tasks and the checks of what staff enter (第14条). */
@Configuration
public class EmergencyDelegates {

  static final String ACTION = "emergencyAction";
  static final String CLOSE = "CLOSE";
  static final String CONTINUE = "CONTINUE";

  /** Start listener of 緊急事態の把握: an emergency staff found, started in Tasklist (`form-open-emergency`). */
  @Bean
  ExecutionListener registerEmergency(Emergencies emergencies, CertificationRegister register) {
    return execution -> TasklistStart.register(execution, register, Emergencies.EMERGENCY_ID, emergencies::bind,
        (c, user) -> emergencies.registerByStaff(c, new Emergencies.NewEmergency(TaskInput.date(execution, "occurredOn"),
            TaskInput.text(execution, "description")), user));
  }

  /** 「緊急事態の対応を開始する」 in `certification`: an EMERGENCY notification becomes an `emergency` case. */
  @Bean
  JavaDelegate openEmergency(Emergencies emergencies, CertificationNotifications notifications,
      CertificationRegister register) {
    return execution -> {
      CertificationNotifications.Notification n = notifications.get(
          (String) execution.getVariable(CertificationNotifications.NOTIFICATION_ID));
      String id = emergencies.openFromNotification(register.find(n.certificationNumber()).orElseThrow(), n.id(),
          n.occurredOn(), n.description(), "provider");
      notifications.recordOutcome(n.id(), "EMERGENCY", "緊急事態 " + id);
    };
  }

  /** On completion of 「通知の適時性を確認する」: whether the provider notified promptly, a fact for 第17条1(5). */
  @Bean
  TaskListener emergencyAssessed(Emergencies emergencies) {
    return task -> {
      if (!(task.getVariable("notifiedPromptly") instanceof Boolean promptly)) {
        throw new ProcessEngineException("速やかに通知されたか（はい／いいえ）を選んでください。");
      }
      TaskInput.maxLength(task, "staffNote", "所見");
      if (TaskInput.text(task, "staffNote").isEmpty()) {
        throw new ProcessEngineException("所見を記入してください。");
      }
      emergencies.recordPromptness(emergencies.forProcess(task.getExecution()).id(), promptly, TaskInput.text(task, "staffNote"));
    };
  }

  /**
   * On completion of 「経過報告を確認する」 and 「報告の遅れに対応する」: wait for the next report, or close
   * with a summary (and, if staff so decide, the request of an investigation).
   */
  @Bean
  TaskListener emergencyActionChosen(BusinessCalendar calendar) {
    return task -> {
      Object action = task.getVariable(ACTION);
      if (!CLOSE.equals(action) && !CONTINUE.equals(action)) {
        throw new ProcessEngineException("報告を待つ（CONTINUE）か終結する（CLOSE）かを選んでください。");
      }
      TaskInput.maxLength(task, "closingSummary", "終結の概要");
      TaskInput.maxLength(task, "investigationRequest", "求める説明・資料");
      boolean investigate = Boolean.TRUE.equals(task.getVariable("openInvestigation"));
      if (CLOSE.equals(action)) {
        if (Boolean.TRUE.equals(task.getVariable("reportPending"))) {
          throw new ProcessEngineException("新しい経過報告が届いています。「次の経過報告を待つ」を選ぶと続けて確認できます。確認してから終結してください。");
        }
        if (TaskInput.text(task, "closingSummary").isEmpty()) {
          throw new ProcessEngineException("終結するときは概要を記入してください。");
        }
        if (investigate) {
          if (TaskInput.text(task, "investigationRequest").isEmpty()) {
            throw new ProcessEngineException("調査を開始するときは、事業者に求める説明・資料を記入してください。");
          }
          LocalDate deadline = TaskInput.date(task, "investigationDeadline");
          if (deadline == null || !deadline.isAfter(calendar.today())) {
            throw new ProcessEngineException("調査の提出期限は明日以降の日付で入力してください。");
          }
        }
      } else {
        task.getExecution().setVariable("reminded", false); // a fresh wait, with its own reminder
      }
      task.getExecution().setVariable("openInvestigation", CLOSE.equals(action) && investigate);
    };
  }

  /** 「緊急事態を終結する」. */
  @Bean
  JavaDelegate closeEmergency(Emergencies emergencies, CertificationRegister register, ProviderNotifier notifier) {
    return execution -> {
      Emergencies.Emergency e = emergencies.forProcess(execution);
      String summary = TaskInput.text(execution, "closingSummary");
      emergencies.close(e.id(), summary);
      notifier.send(register.find(e.certificationNumber()).orElseThrow(), OversightNotice.EMERGENCY_CLOSED,
          Map.of("closingSummary", summary));
    };
  }

  /** 「経過報告を督促する」. */
  @Bean
  JavaDelegate remindEmergencyReport(Emergencies emergencies, CertificationRegister register, ProviderNotifier notifier) {
    return execution -> {
      if (Boolean.TRUE.equals(execution.getVariable("reportPending"))) {
        return; // a report came in while the reminder was due: staff review it instead
      }
      Emergencies.Emergency e = emergencies.forProcess(execution);
      notifier.send(register.find(e.certificationNumber()).orElseThrow(), OversightNotice.EMERGENCY_REPORT_REMINDER,
          Map.of("emergencyId", e.id()));
      execution.setVariable("reminded", true);
    };
  }

  /** 「調査を開始する（第15条）」: an investigation of the service's operations, linked to this emergency. */
  @Bean
  JavaDelegate openInvestigationFromEmergency(Emergencies emergencies, Investigations investigations,
      CertificationRegister register) {
    return execution -> {
      Emergencies.Emergency e = emergencies.forProcess(execution);
      Certification c = register.find(e.certificationNumber()).orElseThrow();
      if (!c.status().inForce()) {
        return; // ended meanwhile: there is no certified service left to investigate
      }
      String id = investigations.open(c,
          new Investigations.NewInvestigation(List.of(Investigations.Scope.OPERATIONS.name()),
              TaskInput.clip("緊急事態（発生日 " + e.occurredOn() + "）: " + TaskInput.text(execution, "closingSummary")),
              TaskInput.text(execution, "investigationRequest"), TaskInput.date(execution, "investigationDeadline"), null),
          "emergency", e.id());
      emergencies.linkInvestigation(e.id(), id);
    };
  }

}

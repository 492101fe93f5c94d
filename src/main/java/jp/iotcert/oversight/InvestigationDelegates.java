package jp.iotcert.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.ProviderNotifier;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TaskInput;
import jp.iotcert.oversight.Investigations.Investigation;
import jp.iotcert.oversight.Investigations.Outcome;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The `investigation` process's service tasks and the checks of what staff enter (第15条, 第17条1(6)). */
@Configuration
public class InvestigationDelegates {

  static final String OUTCOME = "investigationOutcome";
  private static final long MAX_COST = 100_000_000L;
  private static final Map<Outcome, String> OUTCOME_TEXT = Map.of(
      Outcome.NONE, "措置は要しないと判断しました。",
      Outcome.IMPROVEMENT, "改善の要請（第16条）を別途通知します。",
      Outcome.REVOCATION, "認定の取消し（第17条）の手続を開始します。取消しは認定機関の責任者が決定し、書面で通知します。");

  /** Start listener of 調査開始: an investigation started in Tasklist (`form-open-investigation`), see {@link TasklistStart}. */
  @Bean
  ExecutionListener registerInvestigation(Investigations investigations, CertificationRegister register) {
    return execution -> TasklistStart.register(execution, register, Investigations.INVESTIGATION_ID,
        investigations::bind, (c, user) -> {
          List<String> scope = new ArrayList<>();
          if (fact(execution, "scopeOperations")) {
            scope.add(Investigations.Scope.OPERATIONS.name());
          }
          if (fact(execution, "scopeMarkUse")) {
            scope.add(Investigations.Scope.MARK_USE.name());
          }
          String delegate = TaskInput.text(execution, "delegatedTo");
          return investigations.register(c, new Investigations.NewInvestigation(scope,
              TaskInput.text(execution, "investigationReason"), TaskInput.text(execution, "investigationRequest"),
              TaskInput.date(execution, "investigationDeadline"), delegate.isEmpty() ? null : delegate), user, null);
        });
  }

  /** 「説明・資料の提出を求める」 (第15条1). */
  @Bean
  JavaDelegate requestExplanation(Investigations investigations, CertificationRegister register, ProviderNotifier notifier) {
    return execution -> {
      Investigation inv = investigations.forProcess(execution);
      notifier.send(certification(register, inv), OversightNotice.EXPLANATION_REQUESTED, Map.of(
          "request", inv.request(), "deadline", inv.deadline().toString(), "investigationId", inv.id()));
    };
  }

  /**
   * On creation of the investigation's staff tasks: a delegated investigation (第19条) is worked by
   * its delegate, as recorded (never from a variable a client could set).
   */
  @Bean
  TaskListener assignInvestigationDelegate(Investigations investigations) {
    return task -> {
      String delegate = investigations.forProcess(task.getExecution()).delegatedTo();
      if (delegate != null) {
        // A candidate too: tasks go only to their candidates (EngineGuard), so staff may hand the
        // task back to the delegate, and the delegate's access ends when the task leaves it.
        task.addCandidateUser(delegate);
        task.setAssignee(delegate);
      }
    };
  }

  /** On completion of 「説明・資料を評価する」: sufficiency, and the facts of 第17条1(6). */
  @Bean
  TaskListener explanationAssessed(Investigations investigations) {
    return task -> {
      if (!(task.getVariable("explanationSufficient") instanceof Boolean)) {
        throw new ProcessEngineException("説明・資料が十分か（はい／いいえ）を選んでください。");
      }
      TaskInput.maxLength(task, "assessmentNote", "評価");
      if (TaskInput.text(task, "assessmentNote").isEmpty()) {
        throw new ProcessEngineException("評価を記入してください。");
      }
      boolean refused = Boolean.TRUE.equals(task.getVariable("cooperationRefused"));
      boolean falseStatement = Boolean.TRUE.equals(task.getVariable("falseStatement"));
      task.getExecution().setVariable("cooperationRefused", refused);
      task.getExecution().setVariable("falseStatement", falseStatement);
      investigations.recordAssessment(investigations.forProcess(task.getExecution()).id(), TaskInput.text(task, "assessmentNote"), refused, falseStatement);
    };
  }

  /** On completion of 「実地調査の費用を記録する」 (第15条3): a whole number of yen, 0 when nothing is charged. */
  @Bean
  TaskListener inspectionCostRecorded(Investigations investigations) {
    return task -> {
      Object value = task.getVariable("inspectionCost");
      if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0
          || n.longValue() > MAX_COST) {
        throw new ProcessEngineException("実地調査の費用を0円以上の整数（円）で入力してください。");
      }
      if (TaskInput.text(task, "inspectionCostNote").length() > 1000) {
        throw new ProcessEngineException("費用の内訳は1000文字以内で入力してください。");
      }
      task.getExecution().setVariable("inspectionCost", n.longValue());
      investigations.recordInspectionCost(investigations.forProcess(task.getExecution()).id(), n.longValue(), TaskInput.text(task, "inspectionCostNote"));
    };
  }

  /** 「費用を請求する（第15条第3項）」: nothing is sent when the body charges nothing. */
  @Bean
  JavaDelegate chargeInspectionCost(Investigations investigations, CertificationRegister register,
      ProviderNotifier notifier) {
    return execution -> {
      Investigation inv = investigations.forProcess(execution);
      if (inv.inspectionCost() != null && inv.inspectionCost() > 0) {
        notifier.send(certification(register, inv), OversightNotice.INSPECTION_COST_CHARGED, Map.of(
            "inspectionCost", String.format("%,d", inv.inspectionCost()),
            "inspectionCostNote", inv.inspectionCostNote() == null ? "" : inv.inspectionCostNote()));
      }
    };
  }

  /** On completion of 「調査の結果を判断する」: the outcome, and what it needs (the request's content and deadline). */
  @Bean
  TaskListener investigationDecided(BusinessCalendar calendar) {
    return task -> {
      Outcome outcome;
      try {
        outcome = Outcome.valueOf(TaskInput.text(task, OUTCOME));
      } catch (IllegalArgumentException e) {
        throw new ProcessEngineException("措置（NONE, IMPROVEMENT, REVOCATION）を選んでください。");
      }
      TaskInput.maxLength(task, "findings", "調査の結果");
      TaskInput.maxLength(task, "improvementContent", "改善の要請の内容");
      if (TaskInput.text(task, "findings").isEmpty()) {
        throw new ProcessEngineException("調査の結果を記入してください。");
      }
      if (outcome == Outcome.IMPROVEMENT) {
        if (TaskInput.text(task, "improvementContent").isEmpty()) {
          throw new ProcessEngineException("改善の要請の内容を記入してください。");
        }
        LocalDate deadline = TaskInput.date(task, "improvementDeadline");
        if (deadline == null || !deadline.isAfter(calendar.today())) {
          throw new ProcessEngineException("改善の期限は明日以降の日付で入力してください。");
        }
        if (!(task.getVariable("publishImprovement") instanceof Boolean)) {
          throw new ProcessEngineException("改善の要請を公表するか（第16条第2項）を選んでください。");
        }
      }
      task.getExecution().setVariable(OUTCOME, outcome.name());
    };
  }

  /** 「調査の結果を通知する」: the outcome recorded and told to the provider (staff's assessment stays internal). */
  @Bean
  JavaDelegate closeInvestigation(Investigations investigations, CertificationRegister register,
      ProviderNotifier notifier) {
    return execution -> {
      Investigation inv = investigations.forProcess(execution);
      Outcome outcome = Outcome.valueOf(TaskInput.text(execution, OUTCOME));
      String findings = TaskInput.text(execution, "findings");
      investigations.recordOutcome(inv.id(), outcome, findings);
      notifier.send(certification(register, inv), OversightNotice.INVESTIGATION_CLOSED,
          Map.of("findings", findings, "outcome", OUTCOME_TEXT.get(outcome)));
    };
  }

  /** 「改善を要請する（第16条）」: an `improvement-request` with the content and deadline staff decided. */
  @Bean
  JavaDelegate openImprovementFromInvestigation(Investigations investigations, ImprovementRequests requests,
      CertificationRegister register) {
    return execution -> {
      Investigation inv = investigations.forProcess(execution);
      Certification c = certification(register, inv);
      if (!c.status().inForce()) {
        return; // ended meanwhile (revoked, lapsed…): nothing left to improve
      }
      requests.open(c, new ImprovementRequests.NewRequest(
          TaskInput.text(execution, "improvementContent"), TaskInput.date(execution, "improvementDeadline"),
          (Boolean) execution.getVariable("publishImprovement")), "investigation");
    };
  }

  /** 「取消しの手続を開始する」: a `revocation` case with the facts this investigation (and its emergency) found. */
  @Bean
  JavaDelegate openRevocationFromInvestigation(Investigations investigations, Emergencies emergencies,
      Revocations revocations, CertificationRegister register) {
    return execution -> {
      Investigation inv = investigations.forProcess(execution);
      Certification c = certification(register, inv);
      if (!c.status().inForce()) {
        return; // ended meanwhile: there is nothing left to revoke
      }
      boolean emergencyNotNotified = inv.emergencyId() != null
          && Boolean.FALSE.equals(emergencies.get(inv.emergencyId()).notifiedPromptly());
      RevocationFacts facts = new RevocationFacts(fact(execution, "criteriaNotMet"),
          fact(execution, "fraudulentCertification"), fact(execution, "markMisuse"),
          fact(execution, "notificationNeglected"), fact(execution, "emergencyReportNeglected") || emergencyNotNotified,
          inv.refusedOrFalse(), false, fact(execution, "unlawfulAct"), fact(execution, "successionDoubt"));
      revocations.openOrJoin(c, facts,
          TaskInput.clip("調査（" + inv.openedOn() + " 開始）の結果: " + TaskInput.text(execution, "findings")), "investigation");
    };
  }

  private static boolean fact(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  private static Certification certification(CertificationRegister register, Investigation inv) {
    return register.find(inv.certificationNumber()).orElseThrow();
  }

}

package jp.iotcert.oversight;

import java.util.Map;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.ProviderNotifier;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The `improvement-request` process's service tasks and listener (第16条, 第17条1(7)). */
@Configuration
public class ImprovementDelegates {

  /** 「改善を要請する」: the written request to the provider; a published one enters the register's history. */
  @Bean
  JavaDelegate sendImprovementRequest(ImprovementRequests requests, CertificationRegister register,
      ProviderNotifier notifier, BusinessCalendar calendar) {
    return execution -> {
      ImprovementRequests.Request r = requests.get(requestId(execution));
      Certification c = register.find(r.certificationNumber()).orElseThrow();
      notifier.send(c, OversightNotice.IMPROVEMENT_REQUESTED, Map.of("content", r.content(),
          "deadline", r.deadline().toString(), "requestId", r.id(),
          "publication", r.published() ? "\nこの要請は認定機関のホームページ等で公表します（第16条第2項）。" : ""));
      if (r.published()) {
        register.recordEvent(c.certificationNumber(), "IMPROVEMENT_REQUEST_PUBLISHED", c.status(), r.requestedOn(),
            r.content(), calendar.now());
      }
    };
  }

  /** 「改善を確認済みとする」. */
  @Bean
  JavaDelegate closeImprovementRequest(ImprovementRequests requests) {
    return execution -> requests.close(requestId(execution), "IMPROVED");
  }

  /** 「取消しの手続を開始する」: a revocation case with the fact of 第17条1(7). */
  @Bean
  JavaDelegate openRevocationForImprovement(ImprovementRequests requests, Revocations revocations,
      CertificationRegister register) {
    return execution -> {
      ImprovementRequests.Request r = requests.get(requestId(execution));
      Certification c = register.find(r.certificationNumber()).orElseThrow();
      if (!c.status().inForce()) {
        return; // ended meanwhile: there is nothing left to revoke
      }
      revocations.openOrJoin(c,
          new RevocationFacts(false, false, false, false, false, false, true, false, false),
          TaskInput.clip("改善の要請（" + r.requestedOn() + "、期限 " + r.deadline() + "）に従わない: "
              + TaskInput.text(execution, "proposalNote")),
          "improvement-request");
    };
  }

  /** On completion of 「取消しの提案を判断する」: the request was not followed; staff say whether revocation is proposed. */
  @Bean
  TaskListener improvementNotFollowed(ImprovementRequests requests) {
    return task -> {
      TaskInput.maxLength(task, "proposalNote", "所見");
      if (TaskInput.text(task, "proposalNote").isEmpty()) {
        throw new ProcessEngineException("所見を記入してください。");
      }
      task.getExecution().setVariable("proposeRevocation", Boolean.TRUE.equals(task.getVariable("proposeRevocation")));
      requests.close((String) task.getVariable(ImprovementRequests.REQUEST_ID), "NOT_FOLLOWED");
    };
  }

  private static String requestId(DelegateExecution execution) {
    return (String) execution.getVariable(ImprovementRequests.REQUEST_ID);
  }
}

package jp.iotcert.oversight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The `revocation` process's service tasks and the check of the manager's decision. */
@Configuration
public class RevocationDelegates {

  /** 「取消事由を一覧にする」: the grounds the DMN table returned, as Markdown for the manager, and their number. */
  @Bean
  JavaDelegate summariseRevocationGrounds() {
    return execution -> {
      List<Map<String, Object>> grounds = grounds(execution);
      execution.setVariable(RevocationProcess.GROUNDS_SUMMARY, summary(grounds));
      execution.setVariable(RevocationProcess.GROUND_COUNT, grounds.size());
    };
  }

  /** The grounds as Markdown for the manager's form. */
  static String summary(List<Map<String, Object>> grounds) {
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> g : grounds) {
      text.append("- **").append(g.get("article")).append("** ").append(g.get("text")).append("\n");
    }
    return grounds.isEmpty() ? "該当する取消事由はありません。取り消すことはできません。" : text.toString();
  }

  /** On completion of 「認定の取消しを決定する」: a revocation needs a ground and reasons; the decision is recorded. */
  @Bean
  TaskListener revocationDecisionRecorder(Revocations revocations) {
    return task -> {
      Object decision = task.getVariable(RevocationProcess.DECISION);
      if (!RevocationProcess.REVOKE.equals(decision) && !RevocationProcess.KEEP.equals(decision)) {
        throw new ProcessEngineException("取り消す（REVOKE）か取り消さない（KEEP）かを選んでください。");
      }
      String reasons = TaskInput.text(task, RevocationProcess.REASONS);
      TaskInput.maxLength(task, RevocationProcess.REASONS, "理由");
      List<Map<String, Object>> grounds = grounds(task.getExecution());
      if (RevocationProcess.REVOKE.equals(decision) && grounds.isEmpty()) {
        throw new ProcessEngineException("第17条第1項の取消事由に該当しないため、取り消すことはできません。");
      }
      if (reasons.isEmpty()) {
        throw new ProcessEngineException("決定の理由を記入してください。");
      }
      List<String> articles = grounds.stream().map(g -> String.valueOf(g.get("article"))).toList();
      revocations.decide((String) task.getVariable(RevocationProcess.CASE_ID), decision.toString(), articles, reasons,
          task.getAssignee() == null ? "manager" : task.getAssignee());
    };
  }

  /** 「認定を取り消す」 (第17条2–3, 第10条8). */
  @Bean
  JavaDelegate revokeCertification(Revocations revocations) {
    return execution -> revocations.revoke(execution.getProcessBusinessKey(),
        String.join("、", grounds(execution).stream().map(g -> g.get("article") + "（" + g.get("text") + "）").toList()),
        TaskInput.text(execution, RevocationProcess.REASONS));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> grounds(DelegateExecution execution) {
    Object value = execution.getVariable(RevocationProcess.GROUNDS);
    return value instanceof List<?> list ? (List<Map<String, Object>>) list : new ArrayList<>();
  }
}

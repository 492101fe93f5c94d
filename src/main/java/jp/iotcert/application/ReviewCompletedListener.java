package jp.iotcert.application;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * On completion of 「申請を審査する」: the review is checked by {@link ReviewRules}, and the judgements
 * of the applicant's requests to withhold items by {@link WithholdingRules} (recorded with who judged,
 * and summarised for the decision form); whether an inspection or the committee is wanted defaults to
 * no, so a client completing the task over REST without those fields does not stop the process at
 * the gateways.
 */
@Component("reviewCompleted")
public class ReviewCompletedListener implements TaskListener {

  private final ReviewRules rules;
  private final WithholdingJudgements withholding;
  private final BusinessCalendar calendar;

  public ReviewCompletedListener(ReviewRules rules, WithholdingJudgements withholding, BusinessCalendar calendar) {
    this.rules = rules;
    this.withholding = withholding;
    this.calendar = calendar;
  }

  /**
   * Whether the form deployed with the task's process asks for the judgements: a review opened under
   * an earlier deployment shows a form without them and is completed without (its requests then stay
   * withheld, as they were before, {@link WithholdingRules#withheld}). Read from the deployment, which
   * no user can change, rather than from a variable.
   */
  private boolean formJudgesWithholding(DelegateTask task) {
    // A deployment never changes: each process definition's answer is read once.
    return formJudges.computeIfAbsent(task.getProcessDefinitionId(), definitionId -> {
      RepositoryService repository = task.getProcessEngineServices().getRepositoryService();
      String deploymentId = repository.getProcessDefinition(definitionId).getDeploymentId();
      return repository.getDeploymentResources(deploymentId).stream()
          .filter(r -> r.getName().endsWith(REVIEW_FORM))
          .anyMatch(r -> new String(r.getBytes(), StandardCharsets.UTF_8)
              .contains("\"" + ApplicationProcess.WITHHOLDING_ACCEPTED + "\""));
    });
  }

  private final Map<String, Boolean> formJudges = new ConcurrentHashMap<>();

  private static final String REVIEW_FORM = "form-review-application.form";

  /** The checked item ids: a JSON array from Tasklist, a list or a comma-separated text from REST clients. */
  public static Set<String> ids(Object value) {
    Set<String> ids = new HashSet<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> ids.add(e.stringValue()));
    } else if (value instanceof Collection<?> list) {
      list.forEach(e -> ids.add(String.valueOf(e)));
    } else if (value != null) {
      for (String id : value.toString().split("[,、\\s]+")) {
        if (!id.isBlank()) {
          ids.add(id.strip());
        }
      }
    }
    return ids;
  }

  /** The item ids the checklist offered: the `value`s of the JSON options in `criteriaItems`. */
  private static Set<String> offered(Object criteriaItems) {
    Set<String> ids = new HashSet<>();
    if (criteriaItems instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> ids.add(e.prop("value").stringValue()));
    }
    return ids;
  }

  @Override
  public void notify(DelegateTask task) {
    Object result = task.getVariable(ApplicationProcess.REVIEW_RESULT);
    ReviewRules.Review review = new ReviewRules.Review(result == null ? null : result.toString(),
        TaskInput.text(task, ApplicationProcess.REVIEW_FINDINGS),
        TaskInput.text(task, ApplicationProcess.NON_CONFORMING_ITEMS),
        ids(task.getVariable(ApplicationProcess.CONFORMING_ITEMS)),
        offered(task.getVariable(ApplicationProcess.CRITERIA_ITEMS)),
        Boolean.TRUE.equals(task.getVariable(ApplicationProcess.ALL_CONFORMING)),
        ids(task.getVariable(ApplicationProcess.CONFORMING_EXCEPTIONS)));
    rules.check(review);
    String applicationNumber = ApplicationProcess.applicationNumber(task.getExecution());
    WithholdingJudgements.Requests requests = formJudgesWithholding(task)
        ? withholding.judge(applicationNumber, ids(task.getVariable(ApplicationProcess.WITHHOLDING_ACCEPTED)),
            TaskInput.text(task, ApplicationProcess.WITHHOLDING_REJECTIONS), TaskInput.actor(task), calendar.now())
        : withholding.of(applicationNumber);
    task.getExecution().setVariable(ApplicationProcess.WITHHOLDING_SUMMARY, withholding.summary(requests));
    if (review.allConforming()) {
      // What 「すべて適合」 counted, kept as if ticked one by one (history, later forms).
      task.getExecution().setVariable(ApplicationProcess.CONFORMING_ITEMS,
          SpinValues.jsonValue(Spin.JSON(List.copyOf(rules.conformingItems(review)))).create());
    }
    for (String flag : new String[] {ApplicationProcess.INSPECTION_REQUIRED, ApplicationProcess.COMMITTEE_REQUIRED}) {
      if (!(task.getVariable(flag) instanceof Boolean)) {
        task.getExecution().setVariable(flag, false);
      }
    }
  }
}

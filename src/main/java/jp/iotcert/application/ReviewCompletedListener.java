package jp.iotcert.application;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * On completion of 「申請を審査する」: the review needs a result and findings, and a non-conforming
 * result names the catalogue items that do not conform, a conforming one has every mandatory item
 * checked in the per-item checklist; whether an inspection or
 * the committee is wanted defaults to no, so a client completing the task over REST without those
 * fields does not stop the process at the gateways.
 */
@Component("reviewCompleted")
public class ReviewCompletedListener implements TaskListener {

  private final DisclosureCatalogue catalogue;

  public ReviewCompletedListener(DisclosureCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  static final Set<String> RESULTS = Set.of("CONFORMING", "NON_CONFORMING");

  /** The checked item ids: a JSON array from Tasklist, a list or a comma-separated text from REST clients. */
  static Set<String> ids(Object value) {
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
    Object findings = task.getVariable(ApplicationProcess.REVIEW_FINDINGS);
    if (result == null || !RESULTS.contains(result.toString())) {
      throw new ProcessEngineException("審査結果（適合・不適合）を選んでください。");
    }
    if (findings == null || findings.toString().isBlank()) {
      throw new ProcessEngineException("審査所見を記入してください。");
    }
    TaskInput.maxLength(task, ApplicationProcess.REVIEW_FINDINGS, "審査所見");
    if ("NON_CONFORMING".equals(result.toString())) {
      String items = TaskInput.text(task, ApplicationProcess.NON_CONFORMING_ITEMS);
      if (items.isEmpty()) {
        throw new ProcessEngineException("不適合の場合は、審査基準に適合しない項目IDを記入してください。");
      }
      for (String id : items.split("[,、\\s]+")) {
        if (!id.isBlank() && !catalogue.contains(id.strip())) {
          throw new ProcessEngineException("項目ID「" + id.strip() + "」は開示項目一覧にありません。");
        }
      }
    }
    Set<String> conforming = ids(task.getVariable(ApplicationProcess.CONFORMING_ITEMS));
    if ("CONFORMING".equals(result.toString())) {
      // Every mandatory item among those the checklist offered (the items this application discloses).
      Set<String> offered = offered(task.getVariable(ApplicationProcess.CRITERIA_ITEMS));
      List<String> unchecked = catalogue.all().stream().filter(DisclosureItem::mandatory).map(DisclosureItem::itemId)
          .filter(id -> offered.isEmpty() || offered.contains(id))
          .filter(id -> !conforming.contains(id)).toList();
      if (!unchecked.isEmpty()) {
        throw new ProcessEngineException("適合とするには、必須項目をすべて確認してチェックしてください（未確認: "
            + String.join(", ", unchecked) + "）。");
      }
    }
    for (String flag : new String[] {ApplicationProcess.INSPECTION_REQUIRED, ApplicationProcess.COMMITTEE_REQUIRED}) {
      if (!(task.getVariable(flag) instanceof Boolean)) {
        task.getExecution().setVariable(flag, false);
      }
    }
  }
}

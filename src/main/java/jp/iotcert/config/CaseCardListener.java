package jp.iotcert.config;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.common.Markdown;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the creation of every user task ({@link CaseCards} adds it to each): copies the case's card
 * variables ({@link IdentitySetup#CARD_VARIABLES}) into the task. Tasklist shows a filter's variables
 * on the cards only when the user may read them; a task-local copy is read with the task itself, so
 * staff, reviewers and committee members see which case a task belongs to without a read grant on
 * every process instance (least privilege stays as it is). No task form may have a field named like
 * a card variable: its value would stay with the task's copy instead of reaching the process.
 *
 * <p>The card variables hold the names as the applicant wrote them (「株式会社テスト(株)」), which is
 * what cards, Cockpit and REST clients show. The forms' text views insert variables into Markdown
 * unescaped, so each task also gets the provider's and service's names as Markdown
 * ({@link #PROVIDER_NAME_MARKDOWN}, {@link #SERVICE_NAME_MARKDOWN}, made literal by {@link Markdown}),
 * which is what the forms show.
 */
@Component("caseCard")
public class CaseCardListener implements TaskListener {

  /** `providerName` as Markdown for the forms' text views (task-local). */
  public static final String PROVIDER_NAME_MARKDOWN = "providerNameMarkdown";
  /** `serviceName` as Markdown for the forms' text views (task-local). */
  public static final String SERVICE_NAME_MARKDOWN = "serviceNameMarkdown";

  static final Map<String, String> MARKDOWN = Map.of(ApplicationProcess.PROVIDER_NAME, PROVIDER_NAME_MARKDOWN,
      ApplicationProcess.SERVICE_NAME, SERVICE_NAME_MARKDOWN);

  @Override
  public void notify(DelegateTask task) {
    for (Map<String, String> variable : IdentitySetup.CARD_VARIABLES) {
      String name = variable.get("name");
      Object value = task.getVariable(name);
      if (value != null && !task.hasVariableLocal(name)) {
        task.setVariableLocal(name, value);
      }
    }
    markdownCopies(task::getVariable).forEach(task::setVariableLocal);
  }

  /** The Markdown copies of the names a task reads (by name), for those it has. */
  static Map<String, String> markdownCopies(Function<String, Object> variable) {
    Map<String, String> copies = new HashMap<>();
    MARKDOWN.forEach((plain, markdown) -> {
      Object value = variable.apply(plain);
      if (value != null) {
        copies.put(markdown, Markdown.inline(value.toString()));
      }
    });
    return copies;
  }
}

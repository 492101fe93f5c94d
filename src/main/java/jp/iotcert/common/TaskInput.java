package jp.iotcert.common;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Checks of what a user (or a REST client) sent with a task completion. Forms limit lengths in the
 * browser only; these checks hold for every client. A refusal leaves the task open and unchanged.
 */
public final class TaskInput {

  /** Longest free text kept in a variable (the engine stores at most 4,000 characters). */
  public static final int MAX_TEXT = 3000;

  private TaskInput() {}

  /**
   * Who completes the task, as recorded with what it decides: its assignee, else the logged-in user,
   * else "system" (a completion from the engine's own Java API without a user).
   */
  public static String actor(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? "system" : user.getUserId();
  }

  /** The variable as trimmed text, or "" when absent. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? "" : value.toString().strip();
  }

  /**
   * A date field (a form's `yyyy-MM-dd`, or a longer ISO date-time), or null when absent; a value
   * that is no date is refused ({@link DateRules#formDate}), never read as another date or as absent.
   *
   * @throws FormRuleViolation naming the field
   */
  public static LocalDate date(VariableScope scope, String name) {
    return DateRules.formDate(name, scope.getVariable(name));
  }

  /** The text cut to {@link #MAX_TEXT} characters (an ellipsis marks a cut), for texts composed from several inputs. */
  public static String clip(String text) {
    return clip(text, MAX_TEXT);
  }

  /** Like {@link #clip}, keeping the end: for texts whose newest part is last. */
  public static String clipStart(String text) {
    return text.length() <= MAX_TEXT ? text : "…" + text.substring(text.length() - MAX_TEXT + 1);
  }

  /** Cut to at most {@code max} characters (an ellipsis marks a cut). */
  public static String clip(String text, int max) {
    return text.length() <= max ? text : max <= 0 ? "" : text.substring(0, max - 1) + "…";
  }

  public static void maxLength(VariableScope scope, String name, String label) {
    maxLength(name, label, text(scope, name));
  }

  /**
   * The same check of a text already read (for rule services that know no Camunda type): refused as
   * "{label}は3000文字以内で入力してください。" naming the field.
   */
  public static void maxLength(String field, String label, String text) {
    if (text != null && text.strip().length() > MAX_TEXT) {
      throw new FormRuleViolation(field, label + "は" + MAX_TEXT + "文字以内で入力してください。");
    }
  }
}

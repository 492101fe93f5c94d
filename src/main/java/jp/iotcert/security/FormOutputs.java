package jp.iotcert.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The outputs of a Camunda Form: the components with a {@code key}, at any depth (groups, dynamic
 * lists), except readonly or disabled ones, which only show a value. What a user submits for a task
 * or a start event must be among them, with the plain types Tasklist sends (form-js 1.8.7: strings,
 * booleans, numbers, null; Json for checklists and tag lists).
 */
final class FormOutputs {

  /** Type names of the typed values Tasklist and REST clients may send for a form field. */
  private static final Set<String> PLAIN_TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null", "json");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> outputs = new HashSet<>();
  private final Set<String> shown = new HashSet<>();

  private FormOutputs() {}

  static FormOutputs of(InputStream form) {
    FormOutputs fields = new FormOutputs();
    try (form) {
      fields.collect(JSON.readTree(form).path("components"));
    } catch (IOException e) {
      throw new ProcessEngineException("フォームを読み込めません。", e);
    }
    return fields;
  }

  private void collect(JsonNode components) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      if (!key.isEmpty()) {
        boolean display = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        (display ? shown : outputs).add(key);
      }
      collect(component.path("components"));
    }
  }

  /**
   * Refuses names outside the form and values of other types. A readonly field Tasklist echoes back
   * unchanged passes; a changed one is refused.
   *
   * @param current the variable as it is now (for the readonly echo), by name
   */
  void check(Map<String, ?> submitted, Function<String, Object> current) {
    if (submitted == null) {
      return;
    }
    for (String name : submitted.keySet()) {
      Object value = submitted instanceof VariableMap variables ? variables.getValueTyped(name) : submitted.get(name);
      if (shown.contains(name) && Objects.equals(plain(value), plain(current.apply(name)))) {
        continue;
      }
      if (!outputs.contains(name)) {
        throw new AuthorizationException("「" + name + "」はこのフォームの入力項目ではないため、設定できません。");
      }
      if (!plainType(value)) {
        throw new AuthorizationException("「" + name + "」の値の型は受け付けられません（文字列・真偽値・数値・日付・JSONのみ）。");
      }
    }
  }

  private static boolean plainType(Object value) {
    if (value instanceof TypedValue typed && typed.getType() != null) {
      return PLAIN_TYPES.contains(typed.getType().getName());
    }
    Object raw = value instanceof TypedValue typed ? typed.getValue() : value;
    return raw == null || raw instanceof String || raw instanceof Boolean || raw instanceof Number || raw instanceof Date;
  }

  private static String plain(Object value) {
    Object raw = value instanceof TypedValue typed ? typed.getValue() : value;
    return raw == null ? null : raw.toString();
  }
}

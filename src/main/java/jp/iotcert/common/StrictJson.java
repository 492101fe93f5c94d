package jp.iotcert.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.stereotype.Component;

/**
 * Reads JSON from outside strictly: unknown fields, JSON null and fractional numbers for integers
 * are refused with a field-level error, so a misspelt field is reported instead of silently dropped.
 */
@Component
public class StrictJson {

  private final ObjectMapper json;

  public StrictJson(ObjectMapper json) {
    this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  /** @param part the name errors are reported under when the whole value is unreadable */
  public <T> T read(String value, TypeReference<T> type, String part) {
    try {
      T parsed = json.readValue(value, type);
      if (parsed == null) {
        throw new InvalidInputException(part, "「" + part + "」が空です（null）");
      }
      return parsed;
    } catch (UnrecognizedPropertyException e) {
      String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(part);
      throw new InvalidInputException(field, "項目「" + e.getPropertyName() + "」は定義されていません");
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(part, "「" + part + "」がJSONとして正しくありません（" + e.getOriginalMessage() + "）");
    }
  }
}

package jp.iotcert.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * The one reader of JSON from outside: every body and JSON part of /api goes through it. Refused,
 * each with a field-level error: unknown fields, JSON null for a whole body, values of the wrong
 * JSON type (no coercion: {@code "amount": "100000"} or {@code "reason": 42} are errors, not
 * conversions), text breaking {@link TextRules}, and nesting deeper than {@link #MAX_DEPTH}.
 */
@Component
public class StrictJson {

  /** The deepest body of the API nests four levels; 32 leaves room and stops stack-eating input. */
  static final int MAX_DEPTH = 32;

  private final ObjectMapper json;

  public StrictJson(ObjectMapper json) {
    ObjectMapper strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    strict.registerModule(new SimpleModule("text-rules").addDeserializer(String.class, new RuledString()));
    this.json = strict;
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
      throw new InvalidInputException(field(e, part), "項目「" + e.getPropertyName() + "」は定義されていません");
    } catch (StreamConstraintsException e) {
      throw new InvalidInputException(part, "「" + part + "」の入れ子が深すぎます（" + MAX_DEPTH + "段まで）");
    } catch (RuledTextException e) {
      throw new InvalidInputException(field(e, part), "項目「" + field(e, part) + "」: " + e.getOriginalMessage());
    } catch (MismatchedInputException e) {
      String field = field(e, part);
      throw new InvalidInputException(field, "項目「" + field + "」の形式が正しくありません（" + expected(e.getTargetType()) + "）");
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(part, "「" + part + "」がJSONとして正しくありません");
    }
  }

  private static String field(JsonMappingException e, String part) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(part);
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "値の型が違います";
    }
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return "整数で指定してください";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true または false で指定してください";
    }
    if (type == String.class) {
      return "文字列で指定してください";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "日付で指定してください（例: 2026-12-01）";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "配列で指定してください";
    }
    if (type.isEnum()) {
      return "定められた値で指定してください";
    }
    return "オブジェクトで指定してください";
  }

  /** Every string value of a body, checked against {@link TextRules} (line breaks allowed: free text). */
  private static final class RuledString extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      String violation = TextRules.violation(value, TextRules.Lines.ALLOWED);
      if (violation != null) {
        throw new RuledTextException(p, violation);
      }
      return value;
    }
  }

  private static final class RuledTextException extends JsonMappingException {
    RuledTextException(JsonParser p, String message) {
      super(p, message);
    }
  }
}

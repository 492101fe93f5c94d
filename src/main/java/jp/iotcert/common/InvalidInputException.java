package jp.iotcert.common;

import java.util.List;

/** Input from outside that breaks a rule; answered as 400 problem+json with one entry per field. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInputException(String detail, List<FieldError> errors) {
    super(detail);
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(message, List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  public record FieldError(String field, String message) {}
}

package jp.iotcert.common;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A rule broken by what a user submitted with a task or start form: an answer to the user, not a
 * server error. Its message is the Japanese sentence the user reads; the detail names the field.
 * Being a {@link FormFieldValidationException}, engine REST answers 400 rather than 500.
 */
public class FormRuleViolation extends FormFieldValidationException {

  public FormRuleViolation(String field, String message) {
    super(field, message);
  }

  /** A rule about the form as a whole rather than one field. */
  public FormRuleViolation(String message) {
    super(null, message);
  }
}

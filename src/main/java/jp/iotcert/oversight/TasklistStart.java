package jp.iotcert.oversight;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The start event's listener of a case process (`emergency`, `investigation`). A case started by the
 * API or another process is recorded already; one started by staff from Tasklist's start form
 * (「プロセスを開始」) is checked and recorded here exactly as through the API: the form's fields go
 * through the same service, the case's variables are set, and the certification number becomes the
 * business key. Either way the case is then bound to this process instance, once: the delegates work
 * only the case bound to their instance, so an instance started around this check (start
 * instructions, skipped listeners) or a second instance for the same case can change nothing. Any
 * error refuses the start with its message in Tasklist, and nothing is kept. What the form broke (an
 * unknown or ended certification, a field the service refuses) is a {@link FormRuleViolation}: engine
 * REST answers 400 with the Japanese sentence alone, logged at DEBUG (config/FormRuleAnswers); a case
 * that cannot be bound (a start around the form) stays a {@link ProcessEngineException}, a server error.
 */
final class TasklistStart {

  private TasklistStart() {}

  /**
   * @param numberVariable the start form's certification number field
   * @param idVariable the case id variable, set when the API (or another process) started it
   * @param bind binds the case id to the process instance id; false if it is unknown or bound already
   * @param register checks and records the case from the form for the certification and user,
   *     returning the process variables
   */
  static void register(DelegateExecution execution, CertificationRegister certifications, String numberVariable,
      String idVariable,
      BiPredicate<String, String> bind, BiFunction<Certification, String, Map<String, Object>> register) {
    Object recorded = execution.getVariable(idVariable);
    if (recorded == null) {
      recorded = fromForm(execution, certifications, numberVariable, idVariable, register);
    }
    if (!bind.test(recorded.toString(), execution.getProcessInstanceId())) {
      throw new ProcessEngineException("事案 " + recorded + " のプロセスは開始できません。APIかTasklistの開始フォームで開始してください。");
    }
  }

  private static Object fromForm(DelegateExecution execution, CertificationRegister certifications,
      String numberVariable, String idVariable,
      BiFunction<Certification, String, Map<String, Object>> register) {
    String no = TaskInput.text(execution, numberVariable);
    Certification c = certifications.find(no)
        .orElseThrow(() -> new FormRuleViolation(numberVariable, "認定番号「" + no + "」の認定はありません。"));
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    try {
      execution.setVariables(register.apply(c, authentication == null ? "tasklist" : authentication.getUserId()));
      execution.setProcessBusinessKey(c.certificationNumber());
      return execution.getVariable(idVariable);
    } catch (InvalidInputException e) {
      // The sentence names every field at fault (the service's field names are the API's, not the form's).
      throw new FormRuleViolation(e.getMessage() + " "
          + String.join(" ", e.errors().stream().map(InvalidInputException.FieldError::message).toList()));
    } catch (ConflictException e) {
      throw new FormRuleViolation(numberVariable, e.getMessage());
    }
  }
}

package jp.iotcert.oversight;

import java.util.Map;
import java.util.function.Predicate;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A case process started by staff from Tasklist's start form (「プロセスを開始」) is checked and
 * recorded exactly as through the API, by the start event's listener: the form's fields go through
 * the same service, the case's variables are set, and the certification number becomes the business
 * key. Any error refuses the start with its message in Tasklist, and nothing is kept.
 */
final class TasklistStart {

  private TasklistStart() {}

  /**
   * @param idVariable the case id variable, set when the API (or another process) started it
   * @param exists whether a case with that id is recorded
   * @param register checks and records the case from the form for the certification and user,
   *     returning the process variables
   */
  static void register(DelegateExecution execution, CertificationRegister certifications, String idVariable,
      Predicate<String> exists, Register register) {
    Object recorded = execution.getVariable(idVariable);
    if (recorded != null) {
      // Recorded already, and never started before (this instance is not flushed yet): anything else,
      // such as a closed case started again through /engine-rest, is refused.
      if (!exists.test(recorded.toString()) || execution.getProcessEngineServices().getHistoryService()
          .createHistoricProcessInstanceQuery().variableValueEquals(idVariable, recorded).count() > 0) {
        throw new ProcessEngineException("事案 " + recorded + " のプロセスは開始できません。APIかTasklistの開始フォームで開始してください。");
      }
      return;
    }
    String no = TaskInput.text(execution, "certificationNumber");
    Certification c = certifications.find(no)
        .orElseThrow(() -> new ProcessEngineException("認定番号「" + no + "」の認定はありません。"));
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    try {
      execution.setVariables(register.apply(c, authentication == null ? "tasklist" : authentication.getUserId()));
      execution.setProcessBusinessKey(c.certificationNumber());
    } catch (InvalidInputException e) {
      throw new ProcessEngineException(e.getMessage() + " "
          + String.join(" ", e.errors().stream().map(InvalidInputException.FieldError::message).toList()));
    } catch (ConflictException e) {
      throw new ProcessEngineException(e.getMessage());
    }
  }

  @FunctionalInterface
  interface Register {
    Map<String, Object> apply(Certification certification, String userId);
  }
}

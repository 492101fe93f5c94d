package jp.iotcert.oversight;

import java.util.ArrayList;
import java.util.List;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start listener of 調査開始: an investigation started in Tasklist (`form-open-investigation`), see {@link TasklistStart}. */
@Component("registerInvestigation")
public class RegisterInvestigationListener implements ExecutionListener {

  private final Investigations investigations;
  private final CertificationRegister register;

  public RegisterInvestigationListener(Investigations investigations, CertificationRegister register) {
    this.investigations = investigations;
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    TasklistStart.register(execution, register, InvestigationProcess.CERTIFICATION_NUMBER,
        InvestigationProcess.INVESTIGATION_ID, investigations::bind,
        (c, user) -> {
          List<String> scope = new ArrayList<>();
          if (Boolean.TRUE.equals(execution.getVariable(InvestigationProcess.SCOPE_OPERATIONS))) {
            scope.add(Investigations.Scope.OPERATIONS.name());
          }
          if (Boolean.TRUE.equals(execution.getVariable(InvestigationProcess.SCOPE_MARK_USE))) {
            scope.add(Investigations.Scope.MARK_USE.name());
          }
          String delegate = TaskInput.text(execution, InvestigationProcess.DELEGATED_TO);
          return investigations.register(c, new Investigations.NewInvestigation(scope,
              TaskInput.text(execution, InvestigationProcess.INVESTIGATION_REASON),
              TaskInput.text(execution, InvestigationProcess.INVESTIGATION_REQUEST),
              TaskInput.date(execution, InvestigationProcess.INVESTIGATION_DEADLINE),
              delegate.isEmpty() ? null : delegate), user, null);
        });
  }
}

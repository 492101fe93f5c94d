package jp.iotcert.application;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「認定拒否事由（第8条）を確認する」: sets `refusalGround` and, when true, `revokedOn`. */
@Component("refusalCheck")
public class RefusalCheckDelegate implements JavaDelegate {

  private final ApplicationProgress progress;

  public RefusalCheckDelegate(ApplicationProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<LocalDate> revokedOn = progress.barringRevocation(ApplicationProcess.applicationNumber(execution));
    execution.setVariable(ApplicationProcess.REFUSAL_GROUND, revokedOn.isPresent());
    revokedOn.ifPresent(d -> execution.setVariable(ApplicationProcess.REVOKED_ON, d.toString()));
  }
}

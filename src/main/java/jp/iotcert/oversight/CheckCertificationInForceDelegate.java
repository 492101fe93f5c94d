package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「認定の状態を確かめる」 in `emergency`, `investigation` and `improvement-request`: sets
 * `certificationInForce` for the gateway 「認定は有効か？」, so that a case whose certification ended
 * meanwhile (revoked, lapsed, terminated) visibly takes the いいえ path. The certification is the
 * case's business key.
 */
@Component("checkCertificationInForce")
public class CheckCertificationInForceDelegate implements JavaDelegate {

  private final OversightCases cases;

  public CheckCertificationInForceDelegate(OversightCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(OversightCases.CERTIFICATION_IN_FORCE,
        cases.certificationInForce(execution.getProcessBusinessKey()));
  }
}

package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「費用を請求する（第15条第3項）」: the charge, to the provider (reached only for a cost above 0). */
@Component("chargeInspectionCost")
public class ChargeInspectionCostDelegate implements JavaDelegate {

  private final Investigations investigations;

  public ChargeInspectionCostDelegate(Investigations investigations) {
    this.investigations = investigations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    investigations.sendInspectionCostCharge(investigations.forProcess(execution).id());
  }
}

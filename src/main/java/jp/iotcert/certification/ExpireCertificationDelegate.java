package jp.iotcert.certification;

import jp.iotcert.common.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「有効期間の満了を登録する」 (第9条, 第11条3): the certification becomes EXPIRED and is published
 * as such at once; the provider is told to stop using the mark (第10条6).
 */
@Component("expireCertification")
public class ExpireCertificationDelegate implements JavaDelegate {

  private final CertificationRegister register;
  private final ProviderNotifier notifier;
  private final BusinessCalendar calendar;

  public ExpireCertificationDelegate(CertificationRegister register, ProviderNotifier notifier,
      BusinessCalendar calendar) {
    this.register = register;
    this.notifier = notifier;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = (String) execution.getVariable(CertificationProcess.CERTIFICATION_NUMBER);
    Certification certification = register.find(number).orElseThrow();
    if (certification.status() != CertificationStatus.VALID) {
      return;
    }
    register.end(number, CertificationStatus.EXPIRED, certification.validUntil().plusDays(1));
    notifier.send(certification, "EXPIRED",
        "【有効期間満了】認定番号 " + number + "（" + certification.serviceName() + "）",
        certification.providerName() + " 御中\n\n認定番号 " + number + "（" + certification.serviceName()
            + "）の認定は " + certification.validUntil() + " をもって有効期間が満了しました。\n"
            + "運用規程第10条第6項により、認定マークの使用を速やかに中止してください。\n\n認定機関 事務局\n");
  }
}

package jp.iotcert.certification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「事業者に通知する」: the notice named by the task's input parameter `noticeKind` ({@link ProviderNotice}). */
@Component("notifyProvider")
public class NotifyProviderDelegate implements JavaDelegate {

  private final CertificationLifecycle lifecycle;

  public NotifyProviderDelegate(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.notify(execution.getProcessBusinessKey(),
        ProviderNotice.valueOf((String) execution.getVariable(CertificationProcess.NOTICE_KIND)));
  }
}

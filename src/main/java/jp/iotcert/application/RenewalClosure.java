package jp.iotcert.application;

import java.util.Map;
import jp.iotcert.certification.CertificationLifecycle;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a certification ends (lapse, termination, revocation, expiry) while a renewal of it is still
 * under review, there is nothing left to renew: the renewal application is closed with a notice and
 * its process (with any called processes) stops, in the same transaction as the end.
 */
@Component
public class RenewalClosure {

  private final RuntimeService runtimeService;
  private final ApplicantNotifier notifier;

  public RenewalClosure(RuntimeService runtimeService, ApplicantNotifier notifier) {
    this.runtimeService = runtimeService;
    this.notifier = notifier;
  }

  @EventListener
  public void on(CertificationLifecycle.CertificationEnded event) {
    String renewal = event.pendingRenewal();
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(renewal)
        .processDefinitionKey(ApplicationProcess.KEY).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(),
            "認定 " + event.certificationNumber() + " の終了（" + event.status() + "）", true, true));
    notifier.send(renewal, ApplicantNotice.CLOSED_CERTIFICATION_ENDED,
        Map.of("certificationNumber", event.certificationNumber()));
  }
}

package jp.iotcert.application;

import java.util.Map;
import jp.iotcert.certification.CertificationLifecycle;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a certification ends (lapse, termination, revocation, expiry) while a renewal of it is still
 * under review, there is nothing left to renew: the renewal's process (with any called processes)
 * stops, the application ends as closed ({@link ApplicationOutcome#CERTIFICATION_ENDED}) and the
 * applicant is told, in the same transaction as the end of the certification.
 */
@Component
public class RenewalClosure {

  private final RuntimeService runtimeService;
  private final ApplicationOutcomes outcomes;
  private final ApplicantNotifier notifier;

  public RenewalClosure(RuntimeService runtimeService, ApplicationOutcomes outcomes, ApplicantNotifier notifier) {
    this.runtimeService = runtimeService;
    this.outcomes = outcomes;
    this.notifier = notifier;
  }

  @EventListener
  public void on(CertificationLifecycle.CertificationEnded event) {
    String renewal = event.pendingRenewal();
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(renewal)
        .processDefinitionKey(ApplicationProcess.KEY).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(),
            "認定 " + event.certificationNumber() + " の終了（" + event.status() + "）", true, true));
    outcomes.end(renewal, ApplicationOutcome.CERTIFICATION_ENDED);
    // A notice placeholder (not a process variable): the certification that ended.
    notifier.send(renewal, ApplicantNotice.CLOSED_CERTIFICATION_ENDED,
        Map.of(ApplicationProcess.CERTIFICATION_NUMBER, event.certificationNumber()));
  }
}

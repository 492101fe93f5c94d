package jp.iotcert.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationLifecycle;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.IncidentMessages;
import jp.iotcert.common.JobFailure;
import org.springframework.stereotype.Service;

/**
 * How an application is decided and ends: the manager's decision (第6条1, 第6条4), the registration
 * of a certification (第6条5, 第11条; 第12条 for a renewal), the end of the application with its
 * outcome, and the end of a renewal review that did not certify (第12条).
 */
@Service
public class ApplicationOutcomes {

  private final ApplicationRepository applications;
  private final SupplementRequests supplements;
  private final CertificationService certifications;
  private final CertificationLifecycle lifecycle;
  private final DecisionRules decisionRules;
  private final BusinessCalendar calendar;
  private final WithholdingJudgements withholding;
  private final ObjectMapper json;

  public ApplicationOutcomes(ApplicationRepository applications, SupplementRequests supplements,
      CertificationService certifications, CertificationLifecycle lifecycle, DecisionRules decisionRules,
      BusinessCalendar calendar, WithholdingJudgements withholding, ObjectMapper json) {
    this.applications = applications;
    this.supplements = supplements;
    this.certifications = certifications;
    this.lifecycle = lifecycle;
    this.decisionRules = decisionRules;
    this.calendar = calendar;
    this.withholding = withholding;
    this.json = json;
  }

  /**
   * Records the manager's decision, dated today (the certification date of 第6条1), after
   * {@link DecisionRules}; from here on the application can no longer be withdrawn. Certifying against
   * a review that found the application 不適合 records the manager's reason with the decision (第6条1).
   */
  public void recordDecision(String applicationNumber, String decision, String reasons, String reviewResult,
      String overrideReason, String decidedBy) {
    decisionRules.check(applicationNumber, decision, reasons, reviewResult, overrideReason,
        applications.get(applicationNumber).status());
    applications.recordDecision(applicationNumber, decision, reasons,
        DecisionRules.overrides(decision, reviewResult) ? overrideReason : null, calendar.today(), decidedBy);
  }

  /**
   * Registers the certification of a decided application: a new certification number, certificate
   * and register entry, or for a renewal the same number with a new validity (第12条, 第9条). Of the
   * applicant's requests to withhold items, only those the review accepted are withheld (第11条2); a
   * rejected item is published with the content the application gave (every request names an item
   * the application discloses, {@link ApplicationValidator}).
   *
   * @return the certification number
   */
  public String certify(String applicationNumber) {
    Application a = applications.get(applicationNumber);
    LocalDate certifiedOn = a.decidedOn() != null ? a.decidedOn() : calendar.today();
    String withheldJson = withholding.withheldJson(a);
    Certification certification = a.type() == ApplicationType.RENEWAL
        ? lifecycle.renewalCertified(a.certificationNumber(), a.applicationNumber(), certifiedOn,
            disclosureDate(a.disclosureJson()), a.disclosureJson(), withheldJson)
        : certifications.certify(new CertificationService.NewCertification(
            a.applicationNumber(), a.corporateNumber(), a.providerName(), a.serviceName(), a.serviceDescription(),
            a.serviceUrl(), certifiedOn, disclosureDate(a.disclosureJson()), a.disclosureJson(), withheldJson));
    if (a.certificationNumber() == null) {
      applications.setCertificationNumber(a.applicationNumber(), certification.certificationNumber());
    }
    return certification.certificationNumber();
  }

  /**
   * Ends the application with the outcome; an open supplement request expires (deadline passed)
   * or is cancelled. An application that has ended already cannot end again: the job fails into an
   * incident for the operators.
   */
  public void end(String applicationNumber, ApplicationOutcome outcome) {
    Application a = applications.lock(applicationNumber);
    if (a.status().isEnded()) {
      throw new JobFailure("申請 " + applicationNumber + " は既に終了しているため（" + IncidentMessages.status(a.status())
          + "）、改めて終了（" + IncidentMessages.status(outcome.status()) + "）にできません。", "申請の記録（GET /api/applications/"
          + applicationNumber + "）で終了の経緯を確認してください。先の終了が正しければ、管理者が Cockpit でこのプロセスインスタンスを"
          + "キャンセルしてください。記録の誤りを直した場合は、Cockpit の「インシデント」タブでジョブをリトライしてください。");
    }
    applications.end(applicationNumber, outcome.status(), outcome.closedReason(), calendar.now());
    supplements.closeOpen(applicationNumber, outcome == ApplicationOutcome.SUPPLEMENT_OVERDUE
        ? SupplementRequests.EXPIRED : SupplementRequests.CANCELLED);
  }

  /**
   * A renewal ended without certification (第12条): the certification no longer waits for it and
   * ends at its end of validity, or at once if that has passed.
   */
  public void endRenewalReview(String applicationNumber) {
    Application a = applications.get(applicationNumber);
    if (a.type() != ApplicationType.RENEWAL) {
      throw new JobFailure("申請 " + applicationNumber + " は更新申請ではないため、更新審査の終了を記録できません。",
          "申請の種別と、このプロセスインスタンスのビジネスキーを確認してください。記録を直したら、管理者が Cockpit の"
              + "「インシデント」タブでジョブをリトライしてください。");
    }
    lifecycle.renewalEnded(a.certificationNumber(), applicationNumber);
  }

  private LocalDate disclosureDate(String disclosureJson) {
    try {
      return json.readValue(disclosureJson, new TypeReference<List<DisclosureValue>>() {}).stream()
          .flatMap(v -> DisclosureCatalogue.disclosureDate(v.itemId(), v.value()).stream())
          .findFirst().orElse(null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

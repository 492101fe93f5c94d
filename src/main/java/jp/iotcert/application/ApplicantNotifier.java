package jp.iotcert.application;

import jp.iotcert.certification.PublishedDisclosure;
import java.util.HashMap;
import java.util.Map;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.notice.NoticeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Fills an applicant notice from the stored application and sends it; nothing else (the application
 * ends in its own step, {@link ApplicationOutcomes#end}).
 */
@Service
public class ApplicantNotifier {

  private final ApplicationRepository applications;
  private final FeeLedger fees;
  private final SupplementRequests supplements;
  private final CertificationRegister register;
  private final NoticeService notices;
  private final PublishedDisclosure published;
  private final WithholdingJudgements withholding;
  private final String publicBaseUrl;

  public ApplicantNotifier(ApplicationRepository applications, FeeLedger fees, SupplementRequests supplements,
      CertificationRegister register, NoticeService notices, PublishedDisclosure published,
      WithholdingJudgements withholding, @Value("${iotcert.public-base-url}") String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
    this.applications = applications;
    this.fees = fees;
    this.supplements = supplements;
    this.register = register;
    this.notices = notices;
    this.published = published;
    this.withholding = withholding;
  }

  /** Whether the case key names an application (rather than, say, a certification under investigation). */
  public boolean isApplication(String caseKey) {
    return applications.find(caseKey).isPresent();
  }

  /** @param extra values known only to the process (e.g. the 第8条 revocation date, inspection dates) */
  public void send(String applicationNumber, ApplicantNotice notice, Map<String, String> extra) {
    Application a = applications.get(applicationNumber);
    Map<String, String> values = new HashMap<>();
    values.put("applicationNumber", a.applicationNumber());
    values.put("providerName", a.providerName());
    values.put("serviceName", a.serviceName());
    // The application's page on the applicants' portal, where the applicant answers what a notice asks.
    values.put("portalUrl", publicBaseUrl + "/portal/applications/" + a.applicationNumber());
    values.put("applicationDate", a.applicationDate().toString());
    values.put("feeAmount", Long.toString(a.feeAmount()));
    values.put("feePaid", Long.toString(fees.paid(applicationNumber)));
    values.put("feeDueOn", a.feeDueOn().toString());
    values.put("decisionReasons", a.decisionReasons() == null ? "" : a.decisionReasons());
    if (notice == ApplicantNotice.CERTIFIED || notice == ApplicantNotice.NOT_CERTIFIED) {
      values.put("withholdingResult", withholding.noticeText(applicationNumber, notice == ApplicantNotice.CERTIFIED));
    }
    supplements.all(applicationNumber).stream().reduce((first, second) -> second).ifPresent(r -> {
      values.put("supplementMessage", r.message());
      values.put("supplementDeadline", r.deadline().toString());
    });
    (a.certificationNumber() != null ? register.find(a.certificationNumber()) : register.findByApplication(applicationNumber))
        .ifPresent(c -> {
      values.put("certificationNumber", c.certificationNumber());
      values.put("certifiedOn", c.certifiedOn().toString());
      values.put("validUntil", c.validUntil().toString());
      values.put("verificationUrl", published.verificationUrl(c.certificationNumber()));
    });
    values.putAll(extra);
    notices.send(applicationNumber, a.certificationNumber(), notice, a.contactEmail(), values);
  }

}

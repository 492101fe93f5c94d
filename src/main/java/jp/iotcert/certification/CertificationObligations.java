package jp.iotcert.certification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.common.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * What the provider of a certification owes now: the renewal under review, the certificate to return,
 * the mark to stop using, and the reports and explanations of open oversight cases (第14条–第16条).
 * One list for every client (the API's view and the applicants' portal), so both say the same.
 */
@Component
public class CertificationObligations {

  private final CertificationRegister register;
  private final CertificationCases cases;
  private final BusinessCalendar calendar;
  private final CertificateReturnRule certificateReturn;

  public CertificationObligations(CertificationRegister register, CertificationCases cases, BusinessCalendar calendar,
      CertificateReturnRule certificateReturn) {
    this.register = register;
    this.cases = cases;
    this.calendar = calendar;
    this.certificateReturn = certificateReturn;
  }

  /** As API objects: {@code kind}, and per kind {@code detail}, {@code dueOn} and the case's id. */
  public List<Map<String, Object>> of(Certification c) {
    List<Map<String, Object>> obligations = new ArrayList<>();
    if (c.renewalApplicationNumber() != null) {
      obligations.add(Map.of("kind", "RENEWAL_UNDER_REVIEW", "applicationNumber", c.renewalApplicationNumber()));
    }
    if (certificateReturn.required(c.status()) && register.certificateOutstanding(c.certificationNumber())) {
      // 第13条3, 第10条8: the certificate goes back to the body; staff chase it until they record it received.
      obligations.add(Map.of("kind", "CERTIFICATE_RETURN", "detail", "認定証を認定機関に返納してください"));
    }
    if (!c.status().inForce()) {
      obligations.add(Map.of("kind", "STOP_MARK_USE", "detail", "認定マークの使用を中止してください（第10条）"));
    }
    // What the provider owes in the oversight cases (第14条–第16条).
    obligations.addAll(cases.obligations(c, calendar.today()));
    return obligations;
  }
}

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
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「認定を登録する」 (第6条1, 第6条5, 第11条): issues the certification number and certificate,
 * enters the register, starts the service's `certification` lifecycle, and sets `certificationNumber`.
 */
@Component("certifyApplication")
public class CertifyApplicationDelegate implements JavaDelegate {

  private final ApplicationRepository applications;
  private final CertificationService certifications;
  private final BusinessCalendar calendar;
  private final ObjectMapper json;
  private final CertificationLifecycle lifecycle;

  public CertifyApplicationDelegate(ApplicationRepository applications, CertificationService certifications,
      CertificationLifecycle lifecycle, BusinessCalendar calendar, ObjectMapper json) {
    this.lifecycle = lifecycle;
    this.applications = applications;
    this.certifications = certifications;
    this.calendar = calendar;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Application a = applications.get(ApplicationProcess.applicationNumber(execution));
    LocalDate certifiedOn = a.decidedOn() != null ? a.decidedOn() : calendar.today();
    Certification certification = a.type() == ApplicationType.RENEWAL
        // 第12条: same certification number, new validity from the renewal certification date.
        ? lifecycle.renewalCertified(a.certificationNumber(), a.applicationNumber(), certifiedOn,
            disclosureDate(a.disclosureJson()), a.disclosureJson(), a.withheldJson())
        : certifications.certify(new CertificationService.NewCertification(
            a.applicationNumber(), a.corporateNumber(), a.providerName(), a.serviceName(), a.serviceDescription(),
            a.serviceUrl(), certifiedOn, disclosureDate(a.disclosureJson()), a.disclosureJson(), a.withheldJson()));
    if (a.certificationNumber() == null) {
      applications.setCertificationNumber(a.applicationNumber(), certification.certificationNumber());
    }
    applications.end(a.applicationNumber(), ApplicationStatus.CERTIFIED, null, calendar.now());
    execution.setVariable(ApplicationProcess.CERTIFICATION_NUMBER, certification.certificationNumber());
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

package jp.iotcert.certification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.Counters;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certifies a service (第6条1, 第6条5, 第11条): the certification number, the register entry, the
 * certificate, and the start of the service's `certification` lifecycle.
 */
@Service
public class CertificationService {

  private static final DateTimeFormatter YYMM = DateTimeFormatter.ofPattern("yyMM");

  private final CertificationRegister register;
  private final Counters counters;
  private final RuntimeService runtimeService;
  private final BusinessCalendar calendar;

  public CertificationService(CertificationRegister register, Counters counters, RuntimeService runtimeService,
      BusinessCalendar calendar) {
    this.calendar = calendar;
    this.register = register;
    this.counters = counters;
    this.runtimeService = runtimeService;
  }

  /**
   * `IoT NNNN-YYMM`: the scheme's serial, at least four digits, and the year-month of the first
   * certification. The serial is never reused and never wraps: the 10,000th certification is
   * `IoT 10000-YYMM`, so every number ever issued stays unique and in order (docs/processes.md).
   */
  public static String number(int serial, LocalDate firstCertifiedOn) {
    if (serial < 1) {
      throw new IllegalStateException("Certification serials start at 1: " + serial);
    }
    return String.format("IoT %04d-%s", serial, firstCertifiedOn.format(YYMM));
  }

  @Transactional
  public Certification certify(NewCertification request) {
    // Certifying the same application twice (a retried job) must not issue a second number.
    var existing = register.findByApplication(request.applicationNumber());
    if (existing.isPresent()) {
      return existing.get();
    }
    int serial = Math.toIntExact(counters.next(Counters.CERTIFICATION));
    LocalDate certifiedOn = request.certifiedOn();
    LocalDate validUntil = Validity.lastDay(certifiedOn);
    Certification certification = new Certification(number(serial, certifiedOn), serial,
        request.corporateNumber(), request.providerName(), request.serviceName(), request.serviceDescription(),
        request.serviceUrl(), CertificationStatus.VALID, certifiedOn, certifiedOn, validUntil,
        request.disclosureDate(), request.disclosureJson(), request.withheldJson(), request.applicationNumber(), null, null);
    register.insert(certification);
    register.issueCertificate(certification.certificationNumber(), request.applicationNumber(), certifiedOn,
        certifiedOn, validUntil);
    register.recordEvent(certification.certificationNumber(), "CERTIFIED", CertificationStatus.VALID, certifiedOn,
        "認定（有効期間 " + validUntil + " まで）", calendar.now());
    runtimeService.startProcessInstanceByKey(CertificationProcess.KEY, certification.certificationNumber(),
        CertificationProcess.startVariables(certification.certificationNumber(), certification.providerName(),
            certification.serviceName()));
    return certification;
  }

  public record NewCertification(String applicationNumber, String corporateNumber, String providerName,
      String serviceName, String serviceDescription, String serviceUrl, LocalDate certifiedOn,
      LocalDate disclosureDate, String disclosureJson, String withheldJson) {}
}

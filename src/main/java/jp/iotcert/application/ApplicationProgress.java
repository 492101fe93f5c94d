package jp.iotcert.application;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import jp.iotcert.certification.RefusalRule;
import jp.iotcert.common.BusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The steps of an application under way: the 第8条 check, supplement requests, the start of the review. */
@Service
public class ApplicationProgress {

  private final ApplicationRepository applications;
  private final SupplementRequests supplements;
  private final ApplicantNotifier notifier;
  private final RefusalRule refusalRule;
  private final BusinessCalendar calendar;
  private final Period supplementDeadline;

  public ApplicationProgress(ApplicationRepository applications, SupplementRequests supplements,
      ApplicantNotifier notifier, RefusalRule refusalRule, BusinessCalendar calendar,
      @Value("${iotcert.supplement.deadline}") Period supplementDeadline) {
    this.applications = applications;
    this.supplements = supplements;
    this.notifier = notifier;
    this.refusalRule = refusalRule;
    this.calendar = calendar;
    this.supplementDeadline = supplementDeadline;
  }

  /** 第8条: the revocation date that bars the application, if any ({@link RefusalRule}). */
  public Optional<LocalDate> barringRevocation(String applicationNumber) {
    Application a = applications.get(applicationNumber);
    return refusalRule.barringRevocation(a.corporateNumber(), a.serviceName(), a.applicationDate());
  }

  /** The review starts: the applicant sees the application as under review. */
  public void startReview(String applicationNumber) {
    applications.updateStatus(applicationNumber, ApplicationStatus.UNDER_REVIEW);
  }

  /**
   * Opens a supplement request with what staff wrote and what the automatic check found, and tells
   * the applicant; a retried job does not open a second request.
   *
   * @param staffText what staff wrote ("" when nothing)
   * @param missingItems what the automatic check found missing ("" when it found nothing)
   * @return the last day to supplement
   */
  public LocalDate requestSupplement(String applicationNumber, String staffText, String missingItems) {
    String message = (staffText.strip() + "\n" + missingItems.strip()).strip();
    LocalDate deadlineDay = calendar.today().plus(supplementDeadline);
    supplements.closeOpen(applicationNumber, SupplementRequests.CANCELLED);
    supplements.open(applicationNumber, message, deadlineDay, calendar.now());
    applications.updateStatus(applicationNumber, ApplicationStatus.SUPPLEMENT_REQUESTED);
    notifier.send(applicationNumber, ApplicantNotice.SUPPLEMENT_REQUESTED, Map.of());
    return deadlineDay;
  }
}

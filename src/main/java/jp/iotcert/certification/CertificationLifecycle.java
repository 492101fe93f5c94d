package jp.iotcert.certification;

import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.Map;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.IncidentMessages;
import jp.iotcert.common.JobFailure;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The certified service over its life (第9条–第12条): the dates its timers run on, the state changes
 * and their publication, and the hand-over from a renewal application.
 */
@Service
public class CertificationLifecycle {

  private final CertificationRegister register;
  private final ProviderNotifier notifier;
  private final BusinessCalendar calendar;
  private final RuntimeService runtimeService;
  private final Period reminderBefore;
  private final CertificationNotifications notifications;
  private final ApplicationEventPublisher events;
  private final CertificateReturnRule certificateReturnRule;
  private final ChangeReviewRule changeReviewRule;
  private final RenewalNoticeRule renewalNoticeRule;
  private final String certificateReturnReminders;

  public CertificationLifecycle(CertificationRegister register, ProviderNotifier notifier, BusinessCalendar calendar,
      RuntimeService runtimeService, CertificationNotifications notifications,
      ApplicationEventPublisher events, CertificateReturnRule certificateReturnRule, ChangeReviewRule changeReviewRule,
      RenewalNoticeRule renewalNoticeRule,
      @Value("${iotcert.lifecycle.renewal-reminder-before:P4M}") Period reminderBefore,
      @Value("${iotcert.lifecycle.certificate-return-reminders:R6/P14D}") String certificateReturnReminders) {
    this.certificateReturnRule = certificateReturnRule;
    this.changeReviewRule = changeReviewRule;
    this.renewalNoticeRule = renewalNoticeRule;
    this.certificateReturnReminders = certificateReturnReminders;
    // A cycle the rule cannot read stops the start here, not every certification's end later.
    certificateReturnRule.dueAt(certificateReturnReminders, java.time.Instant.EPOCH);
    this.notifications = notifications;
    this.events = events;
    this.register = register;
    this.notifier = notifier;
    this.calendar = calendar;
    this.runtimeService = runtimeService;
    this.reminderBefore = reminderBefore;
  }

  public Certification get(String certificationNumber) {
    return register.find(certificationNumber)
        .orElseThrow(() -> new JobFailure("認定 " + certificationNumber + " が認定台帳にありません。",
            "認定番号（このプロセスインスタンスのビジネスキー）と認定台帳を確認してください。台帳を直したら、管理者が"
                + " Cockpit の「インシデント」タブでジョブをリトライしてください。"));
  }

  /** The timer dates of the current validity: each fires at the start of its day, the end at the end of the last day. */
  public Dates dates(Certification c) {
    LocalDate lastDay = c.validUntil();
    return new Dates(lastDay, BusinessCalendar.startOf(lastDay.minus(reminderBefore)),
        BusinessCalendar.startOf(Validity.renewalWindowOpens(lastDay)),
        BusinessCalendar.endOf(Validity.renewalWindowCloses(lastDay)),
        BusinessCalendar.endOf(lastDay));
  }

  /** {@link #dates(Certification)} of the certification's current validity. */
  public Dates dates(String certificationNumber) {
    return dates(get(certificationNumber));
  }

  /**
   * Whether a notice of the validity's calendar is still true today ({@link RenewalNoticeRule}); the
   * model asks it in a gateway before each notice task, so a notice not sent shows in the history.
   */
  public boolean noticeDue(String certificationNumber, String noticeKind) {
    Certification c = get(certificationNumber);
    return renewalNoticeRule.due(ProviderNotice.valueOf(noticeKind), c.validUntil(), calendar.today(),
        c.renewalApplicationNumber() != null);
  }

  /** Sends the notice; whether it is due the model has asked before ({@link #noticeDue}). */
  public void notify(String certificationNumber, ProviderNotice notice) {
    notifier.send(get(certificationNumber), notice);
  }

  /** After the last day: under renewal review (第12条2) when a renewal was filed in the window, else expired. */
  public boolean continueIfRenewalPending(String certificationNumber) {
    Certification c = get(certificationNumber);
    if (c.renewalApplicationNumber() == null) {
      return false;
    }
    register.setStatus(certificationNumber, CertificationStatus.RENEWAL_UNDER_REVIEW);
    register.recordEvent(certificationNumber, "RENEWAL_UNDER_REVIEW", CertificationStatus.RENEWAL_UNDER_REVIEW,
        c.validUntil().plusDays(1), "更新審査中（" + c.renewalApplicationNumber() + "）", calendar.now());
    notifier.send(c, ProviderNotice.RENEWAL_UNDER_REVIEW);
    return true;
  }

  /**
   * 第9条, 第11条3, 第10条6: the certification ends as EXPIRED, published at once, mark use to stop.
   * Every other end of a certification ends its process first, so an entry already ended here is an
   * inconsistency for the operators (an incident), not a business outcome.
   */
  public void expire(String certificationNumber) {
    Certification c = get(certificationNumber);
    if (!c.status().inForce()) {
      throw new JobFailure("認定 " + certificationNumber + " は既に終了しているため（" + IncidentMessages.status(c.status())
          + "）、期間満了として終了できません。", "認定台帳（GET /api/certifications/" + certificationNumber + "）で終了の記録を"
          + "確認してください。終了が正しければ、管理者が Cockpit でこのプロセスインスタンスをキャンセルしてください。"
          + "台帳の誤りを直した場合は、Cockpit の「インシデント」タブでジョブをリトライしてください。");
    }
    boolean afterRenewalRefused = c.status() == CertificationStatus.RENEWAL_UNDER_REVIEW;
    LocalDate endedOn = afterRenewalRefused ? calendar.today() : c.validUntil().plusDays(1);
    ended(c, CertificationStatus.EXPIRED, endedOn);
    register.recordEvent(certificationNumber, "EXPIRED", CertificationStatus.EXPIRED, endedOn,
        afterRenewalRefused ? "更新が認められず終了" : "有効期間満了", calendar.now());
    notifier.send(c, afterRenewalRefused ? ProviderNotice.RENEWAL_REFUSED_ENDED : ProviderNotice.EXPIRED);
  }

  /** A renewal application was filed in the window (第12条1); false when another got there first. */
  public boolean renewalFiled(String certificationNumber, String applicationNumber) {
    return register.markRenewalPending(certificationNumber, applicationNumber);
  }

  /** 第12条 with 第9条: the renewal certified; new validity from the renewal certification date, timers re-armed. */
  public Certification renewalCertified(String certificationNumber, String applicationNumber, LocalDate certifiedOn,
      LocalDate disclosureDate, String disclosureJson, String withheldJson) {
    Certification current = get(certificationNumber);
    if (!applicationNumber.equals(current.renewalApplicationNumber())) {
      throw new JobFailure("申請 " + applicationNumber + " は認定 " + certificationNumber + " の審査中の更新申請ではないため（台帳の"
          + "更新申請: " + (current.renewalApplicationNumber() == null ? "なし" : current.renewalApplicationNumber())
          + "）、更新を登録できません。", "認定台帳と申請の記録を確認してください。台帳を直したら、管理者が Cockpit の"
          + "「インシデント」タブでジョブをリトライしてください。この申請で更新しないなら、管理者がこのプロセスインスタンスをキャンセルしてください。");
    }
    if (!current.status().inForce()) {
      // Lapsed, terminated or revoked meanwhile: nothing to renew. The job fails into an incident
      // for the operators instead of bringing an ended certification back.
      throw new JobFailure("認定 " + certificationNumber + " は更新申請 " + applicationNumber + " の審査中に終了したため（"
          + IncidentMessages.status(current.status()) + "）、更新できません。", "終了した認定は更新できません。管理者が Cockpit"
          + " でこのプロセスインスタンスをキャンセルし、申請者には新規の申請を案内してください。終了の記録が誤りなら、台帳を直してから"
          + " Cockpit の「インシデント」タブでジョブをリトライしてください。");
    }
    LocalDate validUntil = Validity.lastDay(certifiedOn);
    register.renew(certificationNumber, certifiedOn, validUntil, disclosureDate, disclosureJson, withheldJson,
        applicationNumber);
    register.issueCertificate(certificationNumber, applicationNumber, certifiedOn, certifiedOn, validUntil);
    register.recordEvent(certificationNumber, "RENEWED", CertificationStatus.VALID, certifiedOn,
        "更新（有効期間 " + validUntil + " まで）", calendar.now());
    runtimeService.createMessageCorrelation(CertificationProcess.MESSAGE_RENEWAL_CERTIFIED)
        .processInstanceBusinessKey(certificationNumber).correlateAllWithResult();
    return get(certificationNumber);
  }

  /** The renewal ended without certification (refused, withdrawn, closed): the certification ends at its end of validity, or now if that has passed. */
  public void renewalEnded(String certificationNumber, String applicationNumber) {
    Certification c = get(certificationNumber);
    if (!applicationNumber.equals(c.renewalApplicationNumber())) {
      return;
    }
    register.setRenewalApplication(certificationNumber, null);
    runtimeService.createMessageCorrelation(CertificationProcess.MESSAGE_RENEWAL_REFUSED)
        .processInstanceBusinessKey(certificationNumber).correlateAllWithResult();
  }

  private static final Map<NotificationKind, String> EVENT_LABELS = Map.of(
      NotificationKind.BUSINESS_TRANSFER, "認定サービスに係る事業の譲渡", NotificationKind.MERGER, "合併",
      NotificationKind.SPLIT, "認定サービスに係る事業を承継させる分割", NotificationKind.INHERITANCE, "相続");

  /**
   * 第9条2: the certification lapses as of the day of the event, published at once. False when it had
   * ended already: the notification is recorded as moot and the process shows it (a BPMN error).
   */
  public boolean lapse(String notificationId) {
    CertificationNotifications.Notification n = notifications.get(notificationId);
    Certification c = get(n.certificationNumber());
    if (!c.status().inForce()) {
      notifications.recordOutcome(notificationId, "MOOT", "認定は既に終了していた（" + c.status() + "）");
      return false;
    }
    ended(c, CertificationStatus.LAPSED, n.occurredOn());
    register.recordEvent(c.certificationNumber(), "LAPSED", CertificationStatus.LAPSED, n.occurredOn(),
        EVENT_LABELS.get(n.kind()) + (n.basis() != null ? "（事務局が確認: " + n.basis() + "）" : ""), calendar.now());
    notifications.recordOutcome(notificationId, "LAPSED", null);
    notifier.send(c, ProviderNotice.LAPSED, Map.of("eventLabel", EVENT_LABELS.get(n.kind()),
        "effectiveOn", n.occurredOn().toString()));
    return true;
  }

  /**
   * 第13条2: the service ended; TERMINATED as of the stated day, published (the certificate is asked
   * back, {@link CertificateReturnRule}). False when it had ended already: the notification is recorded
   * as moot and the process shows it (a BPMN error).
   */
  public boolean terminate(String notificationId) {
    CertificationNotifications.Notification n = notifications.get(notificationId);
    Certification c = get(n.certificationNumber());
    if (!c.status().inForce()) {
      notifications.recordOutcome(notificationId, "MOOT", "認定は既に終了していた（" + c.status() + "）");
      return false;
    }
    ended(c, CertificationStatus.TERMINATED, n.occurredOn());
    register.recordEvent(c.certificationNumber(), "TERMINATED", CertificationStatus.TERMINATED, n.occurredOn(),
        "サービス提供終了の届出", calendar.now());
    notifications.recordOutcome(notificationId, "TERMINATED", null);
    notifier.send(c, ProviderNotice.TERMINATED, Map.of("effectiveOn", n.occurredOn().toString()));
    return true;
  }

  /**
   * Every end of a certification goes through here: the end state, and a renewal still pending is
   * closed on the application side ({@link CertificationEnded}).
   */
  public void ended(Certification c, CertificationStatus status, LocalDate endedOn) {
    register.end(c.certificationNumber(), status, endedOn);
    if (c.renewalApplicationNumber() != null) {
      register.setRenewalApplication(c.certificationNumber(), null);
      events.publishEvent(new CertificationEnded(c.certificationNumber(), status, c.renewalApplicationNumber()));
    }
  }

  /** Published when a certification ends with a renewal still pending. */
  public record CertificationEnded(String certificationNumber, CertificationStatus status, String pendingRenewal) {}

  /**
   * 第13条1: staff accepted or did not accept the notified changes ({@link ChangeReviewRule}); accepted
   * ones change the published disclosure.
   */
  public void reviewChange(String notificationId, boolean accepted, String note) {
    changeReviewRule.check(accepted, note);
    CertificationNotifications.Notification n = notifications.get(notificationId);
    Certification c = get(n.certificationNumber());
    if (accepted) {
      register.applyChanges(c.certificationNumber(), notifications.changes(n));
      register.recordEvent(c.certificationNumber(), "DISCLOSURE_CHANGED", c.status(), calendar.today(),
          n.changesJson(), calendar.now());
    }
    notifications.recordOutcome(notificationId, accepted ? "ACCEPTED" : "NOT_ACCEPTED", note);
    notifier.send(c, accepted ? ProviderNotice.CHANGE_ACCEPTED : ProviderNotice.CHANGE_NOT_ACCEPTED,
        Map.of("reviewNote", note == null ? "" : note));
  }

  public void remindCertificateReturn(String certificationNumber) {
    notifier.send(get(certificationNumber), ProviderNotice.CERTIFICATE_RETURN_REMINDER);
  }

  /**
   * Whether the certification, now ended, owes its certificate back ({@link CertificateReturnRule}),
   * the cycle of reminders until staff record it received, and when it is overdue (the first reminder).
   */
  public CertificateReturn certificateReturn(String certificationNumber) {
    boolean required = certificateReturnRule.required(get(certificationNumber).status());
    return new CertificateReturn(required, certificateReturnReminders,
        required ? certificateReturnRule.dueAt(certificateReturnReminders, calendar.now()) : null);
  }

  /**
   * @param reminderCycle ISO 8601 repeating interval of the reminders (`iotcert.lifecycle.certificate-return-reminders`)
   * @param dueAt when the first reminder goes out: the due date of 「認定証の返納を確認する」 (null when no return is required)
   */
  public record CertificateReturn(boolean required, String reminderCycle, Date dueAt) {}

  /** 第13条3, 第10条8: staff received the certificate. */
  public void certificateReturned(String certificationNumber, LocalDate returnedOn) {
    if (returnedOn == null) {
      throw new IllegalArgumentException("No date of return for the certificate of " + certificationNumber);
    }
    register.certificateReturned(certificationNumber, returnedOn);
    register.recordEvent(certificationNumber, "CERTIFICATE_RETURNED", get(certificationNumber).status(), returnedOn,
        "認定証の返納を確認", calendar.now());
  }

  public record Dates(LocalDate validUntil, Date renewalReminderAt, Date windowOpensAt, Date windowClosesAt, Date validityEndsAt) {}
}

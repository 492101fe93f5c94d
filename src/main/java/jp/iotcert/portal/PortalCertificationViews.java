package jp.iotcert.portal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.iotcert.certification.CertificateFiles;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationNotifications;
import jp.iotcert.certification.CertificationObligations;
import jp.iotcert.certification.NotificationKind;
import jp.iotcert.certification.PublishedDisclosure;
import jp.iotcert.certification.Validity;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.JapaneseDates;
import jp.iotcert.notice.NoticeService;
import jp.iotcert.oversight.Emergencies;
import jp.iotcert.oversight.ImprovementRequests;
import jp.iotcert.oversight.Investigations;
import jp.iotcert.registry.RegistryText;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * What the certification pages show, in the provider's words: the status, the validity and the
 * renewal window of 第12条1 with the days left (Japan time), what is owed (CertificationObligations,
 * the same list as the API's), the open cases with what is expected (第14条–第16条), the notices and
 * the published disclosure. Only what the provider's own API view holds: never staff's notes.
 */
@Component
public class PortalCertificationViews {

  private final CertificationObligations obligations;
  private final CertificationNotifications notifications;
  private final BusinessCalendar calendar;
  private final PublishedDisclosure published;
  private final NoticeService notices;
  private final CertificateFiles certificates;
  private final Emergencies emergencies;
  private final ImprovementRequests improvements;
  private final Investigations investigations;

  public PortalCertificationViews(CertificationObligations obligations, CertificationNotifications notifications,
      BusinessCalendar calendar,
      PublishedDisclosure published, NoticeService notices, CertificateFiles certificates, Emergencies emergencies,
      ImprovementRequests improvements, Investigations investigations) {
    this.obligations = obligations;
    this.notifications = notifications;
    this.calendar = calendar;
    this.published = published;
    this.notices = notices;
    this.certificates = certificates;
    this.emergencies = emergencies;
    this.improvements = improvements;
    this.investigations = investigations;
  }

  /** The renewal window (第12条1) as of today: whether one may apply now, and a sentence with the days left. */
  public record Renewal(String opensOn, String closesOn, boolean open, String sentence, String applyHref) {}

  /** Something owed: what, by when (or null), and where to do it (or null). */
  public record Due(String text, String dueOn, String href, String action) {}

  /** A row of the list page. */
  public record Summary(String certificationNumber, String href, String serviceName, String status, String validUntil,
      Renewal renewal, List<Due> dues) {}

  public record Item(String itemId, String category, String name, String value) {}

  public record NoticeRow(String subject, String sentAt, String href) {}

  /** A notification sent (or a lapse staff recorded, 第9条2) and what became of it; never staff's notes. */
  public record NotificationRow(String receivedAt, String kind, String occurredOn, String description, String outcome) {}

  public record EmergencyRow(String occurredOn, String openedOn, String description, String status,
      List<String> reports, String closingSummary, String reportHref) {}

  public record ImprovementRow(String requestedOn, String content, String deadline, String status, String report,
      String reportHref) {}

  public record InvestigationRow(String openedOn, String scope, String request, String deadline, String status,
      String explanation, List<String> documents, String findings, String explainHref) {}

  /** The detail page. */
  public record Detail(Certification c, String href, String status, String firstCertifiedOn, String certifiedOn,
      String validUntil, String validityLeft, String disclosureDate, String endedOn, boolean inForce, Renewal renewal,
      List<Due> dues, List<Item> disclosure, List<NoticeRow> notices, List<NotificationRow> notifications, String certificateHref, String certificateNote,
      List<EmergencyRow> emergencies, List<ImprovementRow> improvements, List<InvestigationRow> investigations,
      String registryHref) {}

  public static String href(String certificationNumber) {
    return "/portal/certifications/" + UriUtils.encodePathSegment(certificationNumber, StandardCharsets.UTF_8);
  }

  public Summary summary(Certification c) {
    return new Summary(c.certificationNumber(), href(c.certificationNumber()), c.serviceName(), status(c),
        JapaneseDates.format(c.validUntil()), renewal(c, calendar.today()), dues(c));
  }

  public Detail detail(Certification c) {
    LocalDate today = calendar.today();
    String base = href(c.certificationNumber());
    long left = ChronoUnit.DAYS.between(today, c.validUntil());
    String validityLeft = !c.status().inForce() ? null
        : left > 0 ? "最終日まであと" + left + "日" : left == 0 ? "本日が最終日です" : "更新審査中のため引き続き有効です（第12条第2項）";
    boolean issued = certificates.issued(c);
    String certificateHref = c.status().inForce() && issued ? base + "/certificate.pdf" : null;
    String certificateNote = !issued ? "この認定の認定証は紙で交付済みです（このシステムでは発行していません）。"
        : !c.status().inForce() ? "認定が終了しているため、認定証はダウンロードできません。交付済みの認定証は認定機関に返納してください。"
        : null;
    return new Detail(c, base, status(c), JapaneseDates.format(c.firstCertifiedOn()), JapaneseDates.format(c.certifiedOn()),
        JapaneseDates.format(c.validUntil()), validityLeft,
        c.disclosureDate() == null ? "—" : JapaneseDates.format(c.disclosureDate()),
        c.endedOn() == null ? null : JapaneseDates.format(c.endedOn()), c.status().inForce(), renewal(c, today), dues(c),
        published.items(c).stream().map(i -> new Item(i.itemId(), i.category(), i.name(), i.value())).toList(),
        notices.forCertification(c.certificationNumber()).stream()
            .map(n -> new NoticeRow(n.subject(), japanTime(n.sentAt()), n.hasLetter() ? base + "/notices/" + n.id() + ".pdf" : null))
            .toList(),
        notifications.of(c.certificationNumber()).stream().map(PortalCertificationViews::notification).toList(),
        certificateHref, certificateNote, emergencies(c, base), improvements(c, base, today), investigations(c, base, today),
        "/registry/" + UriUtils.encodePathSegment(c.certificationNumber(), StandardCharsets.UTF_8));
  }

  static String status(Certification c) {
    return RegistryText.statusWord(c.status().name());
  }

  /** 第12条1: from 60 through 30 days before the last day; one renewal at a time; none once ended. */
  static Renewal renewal(Certification c, LocalDate today) {
    LocalDate opens = Validity.renewalWindowOpens(c.validUntil());
    LocalDate closes = Validity.renewalWindowCloses(c.validUntil());
    boolean inWindow = !today.isBefore(opens) && !today.isAfter(closes);
    String sentence;
    boolean open = false;
    if (!c.status().inForce()) {
      sentence = "この認定は終了しているため、更新の申請はできません。";
    } else if (c.renewalApplicationNumber() != null) {
      sentence = "更新の申請（申請番号 " + c.renewalApplicationNumber() + "）を審査中です。";
    } else if (today.isBefore(opens)) {
      sentence = "更新申請の受付はまだ始まっていません。受付開始まであと" + ChronoUnit.DAYS.between(today, opens) + "日です。";
    } else if (inWindow) {
      long left = ChronoUnit.DAYS.between(today, closes);
      open = true;
      sentence = "更新申請を受け付けています。" + (left == 0 ? "本日が締切です。" : "締切まであと" + left + "日です。");
    } else {
      sentence = "更新申請の受付期間は終了しました。";
    }
    String apply = open ? "/portal/applications/new?renewalOf="
        + UriUtils.encodeQueryParam(c.certificationNumber(), StandardCharsets.UTF_8) : null;
    return new Renewal(JapaneseDates.format(opens), JapaneseDates.format(closes), open, sentence, apply);
  }

  private List<Due> dues(Certification c) {
    String base = href(c.certificationNumber());
    return obligations.of(c).stream().map(o -> due(o, base)).toList();
  }

  private static Due due(Map<String, Object> o, String base) {
    Object dueOn = o.get("dueOn");
    String due = dueOn instanceof LocalDate d ? JapaneseDates.format(d) : null;
    return switch (String.valueOf(o.get("kind"))) {
      case "RENEWAL_UNDER_REVIEW" -> new Due("更新の申請（申請番号 " + o.get("applicationNumber") + "）を審査中です。"
          + "審査からの依頼があれば回答してください", null, "/portal/applications/"
          + UriUtils.encodePathSegment(String.valueOf(o.get("applicationNumber")), StandardCharsets.UTF_8), "申請を見る");
      case "EMERGENCY_REPORT" -> new Due(String.valueOf(o.get("detail")), null,
          base + "/emergencies/" + o.get("emergencyId") + "/reports", "経過を報告する");
      case "EXPLANATION_DUE" -> new Due(String.valueOf(o.get("detail")), due,
          base + "/investigations/" + o.get("investigationId") + "/explanations", "説明を提出する");
      case "IMPROVEMENT_REPORT_DUE" -> new Due(String.valueOf(o.get("detail")), due,
          base + "/improvement-requests/" + o.get("improvementRequestId") + "/reports", "改善を報告する");
      default -> new Due(String.valueOf(o.get("detail")), due, null, null);
    };
  }

  private List<EmergencyRow> emergencies(Certification c, String base) {
    return emergencies.of(c.certificationNumber()).stream().map(e -> new EmergencyRow(
        JapaneseDates.format(e.occurredOn()), JapaneseDates.format(e.openedOn()), e.description(),
        "OPEN".equals(e.status()) ? "対応中（経過の報告が必要です）" : "終結",
        emergencies.reports(e.id()).stream().map(r -> japanTime(r.reportedAt()) + " " + r.report()).toList(),
        e.closingSummary(), "OPEN".equals(e.status()) ? base + "/emergencies/" + e.id() + "/reports" : null)).toList();
  }

  private List<ImprovementRow> improvements(Certification c, String base, LocalDate today) {
    return improvements.of(c.certificationNumber()).stream().map(r -> new ImprovementRow(
        JapaneseDates.format(r.requestedOn()), r.content(), JapaneseDates.format(r.deadline()), improvementStatus(r.status()),
        r.report(), "OPEN".equals(r.status()) && !r.deadline().isBefore(today)
            ? base + "/improvement-requests/" + r.id() + "/reports" : null)).toList();
  }

  private List<InvestigationRow> investigations(Certification c, String base, LocalDate today) {
    return investigations.of(c.certificationNumber()).stream().map(i -> new InvestigationRow(
        JapaneseDates.format(i.openedOn()),
        i.scope().stream().map(s -> s == Investigations.Scope.MARK_USE ? "認定マークの使用" : "サービスの運用")
            .collect(Collectors.joining("・")),
        i.request(), JapaneseDates.format(i.deadline()),
        !"OPEN".equals(i.status()) ? "終了" : i.explanation() != null ? "説明を提出済み（事務局が確認中）"
            : i.deadline().isBefore(today) ? "提出期限を過ぎています" : "説明の提出が必要です",
        i.explanation(), investigations.documents(i.id()).stream().map(Investigations.Document::fileName).toList(),
        i.findings(), explainable(i, today) ? base + "/investigations/" + i.id() + "/explanations" : null)).toList();
  }

  /** The same rule as the process: an explanation once, while the investigation is open and before its deadline. */
  static boolean explainable(Investigations.Investigation i, LocalDate today) {
    return "OPEN".equals(i.status()) && i.explanation() == null && !i.deadline().isBefore(today);
  }

  private static NotificationRow notification(CertificationNotifications.Notification n) {
    String kind = PortalCertificationNotificationController.KINDS.get(n.kind().name()).replaceAll("（第.*$", "")
        + (n.basis() != null ? "（事務局が記録）" : "");
    String outcome = switch (n.outcome() == null ? "" : n.outcome()) {
      case "" -> n.kind() == NotificationKind.EMERGENCY ? "緊急事態の案件として対応中（上の「緊急事態」をご覧ください）"
          : "事務局が確認中";
      case "ACCEPTED" -> "変更が認められました";
      case "NOT_ACCEPTED" -> "変更は認められませんでした（通知をご覧ください）";
      case "LAPSED" -> "認定は失効しました（第9条第2項）";
      case "TERMINATED" -> "認定は終了しました";
      case "MOOT" -> "認定が既に終了していたため、手続きはありません";
      default -> n.outcome();
    };
    return new NotificationRow(japanTime(n.receivedAt()), kind, JapaneseDates.format(n.occurredOn()), n.description(),
        outcome);
  }

  static String improvementStatus(String status) {
    return switch (status == null ? "" : status) {
      case "OPEN" -> "対応中（改善の報告が必要です）";
      case "REPORTED" -> "改善を報告済み（事務局が確認中）";
      case "IMPROVED" -> "改善済み";
      case "NOT_FOLLOWED" -> "期限までに改善されず";
      default -> status;
    };
  }

  static String japanTime(java.time.Instant at) {
    return java.time.format.DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm").format(at.atZone(BusinessCalendar.ZONE));
  }
}

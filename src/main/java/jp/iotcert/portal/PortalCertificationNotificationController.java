package jp.iotcert.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationCases;
import jp.iotcert.certification.CertificationNotifications;
import jp.iotcert.certification.NotificationKind;
import jp.iotcert.common.ConcurrentUpdateRetry;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.JapaneseDates;
import jp.iotcert.common.TextRules;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 「変更等を届け出る」: the provider's notifications (第13条 changes and termination, 第9条2 succession,
 * 第14条 emergency) as a Japanese form. The form's own checks only word the refusals for a person;
 * the rules are CertificationNotifications', the same as for POST /api/.../notifications. A
 * termination is confirmed on a second page that says what follows (the certification ends, the
 * certificate goes back, 第13条2–3).
 */
@Controller
public class PortalCertificationNotificationController {

  /** The kinds in the provider's words, in the order the form offers them. */
  static final Map<String, String> KINDS = kinds();

  private final PortalCertificationAccess access;
  private final CertificationNotifications notifications;
  private final CertificationCases cases;
  private final DisclosureCatalogue catalogue;
  private final ConcurrentUpdateRetry retry;

  public PortalCertificationNotificationController(PortalCertificationAccess access,
      CertificationNotifications notifications, CertificationCases cases, DisclosureCatalogue catalogue,
      ConcurrentUpdateRetry retry) {
    this.access = access;
    this.notifications = notifications;
    this.cases = cases;
    this.catalogue = catalogue;
    this.retry = retry;
  }

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put(NotificationKind.CRITERIA_CHANGE.name(), "基準に係る変更（第13条第1項第1号）");
    kinds.put(NotificationKind.DOCUMENT_CHANGE.name(), "書類の変更（第13条第1項第2号）");
    kinds.put(NotificationKind.TERMINATION.name(), "事業の終了（廃止）（第13条第2項）");
    kinds.put(NotificationKind.BUSINESS_TRANSFER.name(), "事業譲渡（第9条第2項）");
    kinds.put(NotificationKind.MERGER.name(), "合併（第9条第2項）");
    kinds.put(NotificationKind.SPLIT.name(), "分割（第9条第2項）");
    kinds.put(NotificationKind.INHERITANCE.name(), "相続（第9条第2項）");
    kinds.put(NotificationKind.EMERGENCY.name(), "緊急事態（第14条）");
    return kinds;
  }

  @InitBinder("form")
  void bindOnly(WebDataBinder binder) {
    binder.setAllowedFields("kind", "occurredOn", "description", "passesCertifiedBusiness", "confirmed", "edit",
        "changes[*].itemId", "changes[*].value");
  }

  @GetMapping("/portal/certifications/{certificationNumber}/notifications/new")
  public String form(@PathVariable String certificationNumber, Model model) {
    Certification c = access.get(certificationNumber);
    PortalNotificationForm form = new PortalNotificationForm();
    return page(c, form, Map.of(), null, model);
  }

  @PostMapping("/portal/certifications/{certificationNumber}/notifications")
  public String submit(@PathVariable String certificationNumber, @ModelAttribute("form") PortalNotificationForm form,
      Model model, RedirectAttributes redirect) {
    Certification c = access.get(certificationNumber);
    Map<String, String> errors = new LinkedHashMap<>();
    CertificationNotifications.Request request = read(form, errors);
    if (!errors.isEmpty() || form.getEdit() != null) {
      return page(c, form, errors, errors.isEmpty() ? null : "入力内容に" + errors.size() + "件の誤りがあります。", model);
    }
    if (NotificationKind.TERMINATION.name().equals(request.kind()) && !"yes".equals(form.getConfirmed())) {
      model.addAttribute("c", c);
      model.addAttribute("form", form);
      model.addAttribute("endsOn", JapaneseDates.format(request.occurredOn()));
      model.addAttribute("href", PortalCertificationViews.href(c.certificationNumber()));
      return "portal/certifications/termination-confirm";
    }
    String id;
    try {
      id = retry.run(() -> notifications.receive(c, request, access.userId(), false));
    } catch (InvalidInputException e) {
      e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
      return page(c, form, errors, "入力内容に" + errors.size() + "件の誤りがあります。", model);
    } catch (ConflictException e) {
      // Ended meanwhile, or the process takes no notification now: said in words, the values kept.
      return page(access.get(certificationNumber), form, errors, c.status().inForce()
          ? "この認定は現在、届出を受け付けられる状態ではありません。時間をおいて再度お試しいただくか、事務局にご連絡ください。"
          : "この認定は終了しているため、届出はできません。", model);
    }
    String message = KINDS.get(request.kind()).replaceAll("（第.*$", "") + "の届出を受け付けました。";
    if (cases.emergencyOpenedBy(id).isPresent()) {
      message += "対策と経過を、事務局が終結とするまで報告してください（第14条）。";
    } else if (NotificationKind.TERMINATION.name().equals(request.kind())) {
      message += "認定は届け出た日に終了します。交付済みの認定証を認定機関に返納してください。";
    } else {
      message += "事務局が内容を確認し、結果をお知らせします。";
    }
    redirect.addFlashAttribute("message", message);
    return "redirect:" + PortalCertificationViews.href(c.certificationNumber());
  }

  /** The form as a request to the rules, with the refusals a person needs next to each field. */
  private CertificationNotifications.Request read(PortalNotificationForm form, Map<String, String> errors) {
    String kind = form.getKind() == null ? "" : form.getKind().strip();
    if (kind.isEmpty()) {
      errors.put("kind", "届出の種類を選んでください");
    } else if (!KINDS.containsKey(kind)) {
      errors.put("kind", "届出の種類は一覧から選んでください");
    }
    LocalDate occurredOn = null;
    try {
      occurredOn = PortalDates.read("occurredOn", form.getOccurredOn());
      if (occurredOn == null) {
        errors.put("occurredOn", NotificationKind.TERMINATION.name().equals(kind)
            ? "サービスを終了する日（終了した日）を入力してください" : "発生日を入力してください");
      }
    } catch (IllegalArgumentException e) {
      errors.put("occurredOn", e.getMessage());
    }
    String description = form.getDescription() == null ? "" : form.getDescription().strip();
    if (description.isEmpty()) {
      errors.put("description", "届出の内容を入力してください");
    } else {
      text("description", description, errors);
    }
    Boolean passes = null;
    if (NotificationKind.SPLIT.name().equals(kind)) {
      passes = "true".equals(form.getPassesCertifiedBusiness()) ? Boolean.TRUE
          : "false".equals(form.getPassesCertifiedBusiness()) ? Boolean.FALSE : null;
      if (passes == null) {
        errors.put("passesCertifiedBusiness", "分割により認定サービスに係る事業を承継させるかを選んでください");
      }
    }
    List<CertificationNotifications.Change> changes = new ArrayList<>();
    boolean carries = KINDS.containsKey(kind) && NotificationKind.valueOf(kind).carriesChanges();
    List<PortalNotificationForm.ChangeRow> rows = form.getChanges();
    if (rows.size() > PortalNotificationForm.CHANGE_ROWS) {
      errors.put("changes", "変更内容は" + PortalNotificationForm.CHANGE_ROWS + "件まで入力できます");
    } else if (carries) {
      for (int i = 0; i < rows.size(); i++) {
        PortalNotificationForm.ChangeRow row = rows.get(i);
        if (row == null || row.blank()) {
          continue;
        }
        String itemId = row.getItemId() == null ? "" : row.getItemId().strip();
        String value = row.getValue() == null ? "" : row.getValue().strip();
        if (itemId.isEmpty()) {
          errors.put("changes[" + i + "].itemId", "変更する開示項目を選んでください");
        } else if (!catalogue.contains(itemId)) {
          errors.put("changes[" + i + "].itemId", "開示項目は一覧から選んでください");
        }
        if (value.isEmpty()) {
          errors.put("changes[" + i + "].value", "変更後の内容を入力してください");
        } else {
          text("changes[" + i + "].value", value, errors);
        }
        changes.add(new CertificationNotifications.Change(itemId, value));
      }
      if (changes.isEmpty()) {
        errors.put("changes", "変更する開示項目と変更後の内容を1件以上入力してください");
      }
    }
    return new CertificationNotifications.Request(kind, occurredOn, description, changes, passes, null);
  }

  /** The same text rules as every API body (no control or direction-changing characters). */
  static void text(String field, String value, Map<String, String> errors) {
    String violation = TextRules.violation(value, TextRules.Lines.ALLOWED);
    if (violation != null) {
      errors.put(field, violation);
    }
  }

  private String page(Certification c, PortalNotificationForm form, Map<String, String> errors, String message,
      Model model) {
    form.padChanges();
    model.addAttribute("c", c);
    model.addAttribute("href", PortalCertificationViews.href(c.certificationNumber()));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("error", message);
    model.addAttribute("kinds", KINDS);
    model.addAttribute("items", catalogue.all());
    return "portal/certifications/notification";
  }
}

package jp.iotcert.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.Certification;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.ConcurrentUpdateRetry;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.InvalidInputException.FieldError;
import jp.iotcert.common.JapaneseDates;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.document.DocumentChecker;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.oversight.Emergencies;
import jp.iotcert.oversight.ImprovementRequests;
import jp.iotcert.oversight.Investigations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider's answers to the body's cases, as Japanese forms: progress reports on an emergency
 * (第14条), the report on an improvement request (第16条), and the explanation of an investigation
 * with PDF documents (第15条). The rules (ownership, open state, lengths, PDF checks) are those of
 * Emergencies, ImprovementRequests, Investigations and DocumentChecker, as for the API; a case of
 * another certification answers as unknown.
 */
@Controller
public class PortalCertificationCaseController {

  private final PortalCertificationAccess access;
  private final Emergencies emergencies;
  private final ImprovementRequests improvements;
  private final Investigations investigations;
  private final DocumentChecker documentChecker;
  private final ConcurrentUpdateRetry retry;
  private final BusinessCalendar calendar;

  public PortalCertificationCaseController(PortalCertificationAccess access, Emergencies emergencies,
      ImprovementRequests improvements, Investigations investigations, DocumentChecker documentChecker,
      ConcurrentUpdateRetry retry, BusinessCalendar calendar) {
    this.access = access;
    this.emergencies = emergencies;
    this.improvements = improvements;
    this.investigations = investigations;
    this.documentChecker = documentChecker;
    this.retry = retry;
    this.calendar = calendar;
  }

  // ---- 第14条: emergency progress reports ----

  @GetMapping("/portal/certifications/{certificationNumber}/emergencies/{emergencyId}/reports")
  public String emergencyForm(@PathVariable String certificationNumber, @PathVariable String emergencyId, Model model) {
    Certification c = access.get(certificationNumber);
    Emergencies.Emergency e = emergency(c, emergencyId);
    return emergencyPage(c, e, "", Map.of(), null, model);
  }

  @PostMapping("/portal/certifications/{certificationNumber}/emergencies/{emergencyId}/reports")
  public String emergencyReport(@PathVariable String certificationNumber, @PathVariable String emergencyId,
      @RequestParam(required = false) String report, Model model, RedirectAttributes redirect) {
    Certification c = access.get(certificationNumber);
    Emergencies.Emergency e = emergency(c, emergencyId);
    Map<String, String> errors = new LinkedHashMap<>();
    String text = required("report", report, "対策と経過の報告を入力してください", errors);
    if (errors.isEmpty()) {
      try {
        retry.run(() -> emergencies.report(c.certificationNumber(), e.id(), text, access.userId()));
        redirect.addFlashAttribute("message", "緊急事態の経過報告を受け付けました。事務局が終結とするまで、引き続き報告してください。");
        return "redirect:" + PortalCertificationViews.href(c.certificationNumber());
      } catch (InvalidInputException ex) {
        ex.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
      } catch (ConflictException ex) {
        return emergencyPage(c, emergency(c, emergencyId), report, errors, ex.getMessage(), model);
      }
    }
    return emergencyPage(c, e, report, errors, "入力内容に誤りがあります。", model);
  }

  private Emergencies.Emergency emergency(Certification c, String emergencyId) {
    Emergencies.Emergency e = emergencies.get(emergencyId);
    if (!e.certificationNumber().equals(c.certificationNumber())) {
      throw new NotFoundException("緊急事態 " + emergencyId + " はありません。");
    }
    return e;
  }

  private String emergencyPage(Certification c, Emergencies.Emergency e, String report, Map<String, String> errors,
      String error, Model model) {
    common(c, model, errors, error);
    model.addAttribute("title", "緊急事態の経過を報告する");
    model.addAttribute("article", "第14条");
    model.addAttribute("open", "OPEN".equals(e.status()));
    model.addAttribute("closedText", "この緊急事態は終結しているため、報告は受け付けていません。");
    model.addAttribute("facts", List.of(
        List.of("発生日", JapaneseDates.format(e.occurredOn())),
        List.of("届出・把握の日", JapaneseDates.format(e.openedOn())),
        List.of("内容", e.description()),
        List.of("これまでの報告", emergencies.reports(e.id()).size() + "件")));
    model.addAttribute("field", "report");
    model.addAttribute("label", "講じた対策と経過");
    model.addAttribute("hint", "講じた対策、現在の状況、今後の見通しを3000文字以内で記入してください。");
    model.addAttribute("value", report);
    model.addAttribute("button", "報告する");
    model.addAttribute("action", PortalCertificationViews.href(c.certificationNumber()) + "/emergencies/" + e.id() + "/reports");
    return "portal/certifications/case-report";
  }

  // ---- 第16条: improvement reports ----

  @GetMapping("/portal/certifications/{certificationNumber}/improvement-requests/{requestId}/reports")
  public String improvementForm(@PathVariable String certificationNumber, @PathVariable String requestId, Model model) {
    Certification c = access.get(certificationNumber);
    return improvementPage(c, improvement(c, requestId), "", Map.of(), null, model);
  }

  @PostMapping("/portal/certifications/{certificationNumber}/improvement-requests/{requestId}/reports")
  public String improvementReport(@PathVariable String certificationNumber, @PathVariable String requestId,
      @RequestParam(required = false) String report, Model model, RedirectAttributes redirect) {
    Certification c = access.get(certificationNumber);
    ImprovementRequests.Request r = improvement(c, requestId);
    Map<String, String> errors = new LinkedHashMap<>();
    String text = required("report", report, "講じた改善の措置を入力してください", errors);
    if (errors.isEmpty()) {
      try {
        retry.run(() -> improvements.report(c.certificationNumber(), r.id(), text));
        redirect.addFlashAttribute("message", "改善の報告を受け付けました。事務局が確認し、結果をお知らせします。");
        return "redirect:" + PortalCertificationViews.href(c.certificationNumber());
      } catch (InvalidInputException ex) {
        ex.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
      } catch (ConflictException ex) {
        return improvementPage(c, improvement(c, requestId), report, errors, ex.getMessage(), model);
      }
    }
    return improvementPage(c, r, report, errors, "入力内容に誤りがあります。", model);
  }

  private ImprovementRequests.Request improvement(Certification c, String requestId) {
    ImprovementRequests.Request r = improvements.get(requestId);
    if (!r.certificationNumber().equals(c.certificationNumber())) {
      throw new NotFoundException("改善の要請 " + requestId + " はありません。");
    }
    return r;
  }

  private String improvementPage(Certification c, ImprovementRequests.Request r, String report,
      Map<String, String> errors, String error, Model model) {
    common(c, model, errors, error);
    model.addAttribute("title", "改善の要請に報告する");
    model.addAttribute("article", "第16条");
    model.addAttribute("open", "OPEN".equals(r.status()) && !r.deadline().isBefore(calendar.today()));
    model.addAttribute("closedText", "この改善の要請は報告を受け付けていません（"
        + PortalCertificationViews.improvementStatus(r.status()) + "、期限 " + JapaneseDates.format(r.deadline()) + "）。");
    model.addAttribute("facts", List.of(
        List.of("要請の日", JapaneseDates.format(r.requestedOn())),
        List.of("要請の内容", r.content()),
        List.of("報告の期限", JapaneseDates.format(r.deadline()))));
    model.addAttribute("field", "report");
    model.addAttribute("label", "講じた改善の措置");
    model.addAttribute("hint", "要請に対して講じた措置とその結果を3000文字以内で記入してください。");
    model.addAttribute("value", report);
    model.addAttribute("button", "報告する");
    model.addAttribute("action", PortalCertificationViews.href(c.certificationNumber()) + "/improvement-requests/" + r.id() + "/reports");
    return "portal/certifications/case-report";
  }

  // ---- 第15条: investigation explanations with documents ----

  @GetMapping("/portal/certifications/{certificationNumber}/investigations/{investigationId}/explanations")
  public String explanationForm(@PathVariable String certificationNumber, @PathVariable String investigationId,
      Model model) {
    Certification c = access.get(certificationNumber);
    return explanationPage(c, investigation(c, investigationId), "", Map.of(), null, model);
  }

  @PostMapping("/portal/certifications/{certificationNumber}/investigations/{investigationId}/explanations")
  public String explain(@PathVariable String certificationNumber, @PathVariable String investigationId,
      @RequestParam(required = false) String explanation,
      @RequestParam(value = "documents", required = false) List<MultipartFile> documents, Model model,
      RedirectAttributes redirect) {
    Certification c = access.get(certificationNumber);
    Investigations.Investigation inv = investigation(c, investigationId);
    Map<String, String> errors = new LinkedHashMap<>();
    String text = required("explanation", explanation, "説明を入力してください", errors);
    // A file input left empty still sends a part without a name and content: not a document.
    List<MultipartFile> chosen = documents == null ? List.of() : documents.stream()
        .filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty()))).toList();
    List<FieldError> documentErrors = new ArrayList<>();
    List<UploadedDocument> checked = documentChecker.checkAttachments(chosen, "documents", documentErrors);
    documentErrors.forEach(f -> errors.merge("documents", f.message(), (a, b) -> a + "／" + b));
    if (errors.isEmpty()) {
      try {
        retry.run(() -> investigations.explain(c.certificationNumber(), inv.id(), text, checked, List.of(),
            access.userId()));
        redirect.addFlashAttribute("message", "調査への説明" + (checked.isEmpty() ? "" : "と資料（" + checked.size() + "件）")
            + "を受け付けました。事務局が確認し、結果をお知らせします。");
        return "redirect:" + PortalCertificationViews.href(c.certificationNumber());
      } catch (InvalidInputException ex) {
        ex.errors().forEach(f -> errors.putIfAbsent(f.field().startsWith("documents") ? "documents" : f.field(),
            f.message()));
      } catch (ConflictException ex) {
        return explanationPage(c, investigation(c, investigationId), explanation, errors, ex.getMessage(), model);
      }
    }
    return explanationPage(c, inv, explanation, errors, "入力内容に誤りがあります。添付する書類は、もう一度選んでください。",
        model);
  }

  private Investigations.Investigation investigation(Certification c, String investigationId) {
    Investigations.Investigation inv = investigations.get(investigationId);
    if (!inv.certificationNumber().equals(c.certificationNumber())) {
      throw new NotFoundException("調査 " + investigationId + " はありません。");
    }
    return inv;
  }

  private String explanationPage(Certification c, Investigations.Investigation inv, String explanation,
      Map<String, String> errors, String error, Model model) {
    common(c, model, errors, error);
    model.addAttribute("open", PortalCertificationViews.explainable(inv, calendar.today()));
    model.addAttribute("closedText", inv.explanation() != null ? "この調査への説明は提出済みです。"
        : "この調査は説明を受け付けていません（終了、または提出期限 " + JapaneseDates.format(inv.deadline()) + " を過ぎています）。"
            + "事務局に連絡してください。");
    model.addAttribute("facts", List.of(
        List.of("調査の開始日", JapaneseDates.format(inv.openedOn())),
        List.of("求められている説明・資料", inv.request()),
        List.of("提出期限", JapaneseDates.format(inv.deadline()))));
    model.addAttribute("value", explanation);
    model.addAttribute("action", PortalCertificationViews.href(c.certificationNumber()) + "/investigations/" + inv.id()
        + "/explanations");
    return "portal/certifications/explanation";
  }

  // ----

  private static String required(String field, String value, String missing, Map<String, String> errors) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      errors.put(field, missing);
    } else {
      PortalCertificationNotificationController.text(field, text, errors);
    }
    return text;
  }

  private static void common(Certification c, Model model, Map<String, String> errors, String error) {
    model.addAttribute("c", c);
    model.addAttribute("href", PortalCertificationViews.href(c.certificationNumber()));
    model.addAttribute("errors", errors);
    model.addAttribute("error", error);
  }
}

package jp.iotcert.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.Application;
import jp.iotcert.application.ApplicationRepository;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.application.ApplicationType;
import jp.iotcert.application.SupplementRequests;
import jp.iotcert.application.WithholdingJudgements;
import jp.iotcert.application.WithholdingRules;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.common.ConcurrentUpdateRetry;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.DownloadNames;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.InvalidInputException.FieldError;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.common.TextRules;
import jp.iotcert.document.DocumentChecker;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.notice.NoticePdfs;
import jp.iotcert.notice.NoticeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's application pages (issue 12): the company's applications, the application form
 * (new, or a renewal with the mark-use self-declaration of 第10条7), drafts, the confirmation with
 * the fee to pay (第5条), an application's page with its notices and letters, the answer to a
 * supplement request and the withdrawal. Every action goes through ApplicationService, as
 * POST /api/applications does, so the portal is one more client of the same rules; the account acts
 * only for the company it is bound to, and another company's application is unknown here (404).
 */
@Controller
@RequestMapping("/portal/applications")
public class PortalApplicationController {

  static final String BASE = "/portal/applications";
  /** The field name under which the form's own errors are handed to ApplicationService.submit. */
  private static final String FORM_ERROR = "portal-form";

  private final PortalApplications pages;
  private final ApplicationService service;
  private final ApplicationRepository applications;
  private final SupplementRequests supplements;
  private final NoticeService notices;
  private final NoticePdfs letters;
  private final DocumentChecker documentChecker;
  private final DisclosureCatalogue catalogue;
  private final ConcurrentUpdateRetry retry;
  private final WithholdingJudgements withholding;
  private final String paymentInstructions;

  public PortalApplicationController(PortalApplications pages, ApplicationService service,
      ApplicationRepository applications, SupplementRequests supplements, NoticeService notices, NoticePdfs letters,
      DocumentChecker documentChecker, DisclosureCatalogue catalogue, ConcurrentUpdateRetry retry,
      WithholdingJudgements withholding, @Value("${iotcert.fee.payment-instructions}") String paymentInstructions) {
    this.pages = pages;
    this.service = service;
    this.applications = applications;
    this.supplements = supplements;
    this.notices = notices;
    this.letters = letters;
    this.documentChecker = documentChecker;
    this.catalogue = catalogue;
    this.retry = retry;
    this.withholding = withholding;
    this.paymentInstructions = paymentInstructions.strip();
  }

  /** An account not (yet) bound to a company acts for none: every page says so instead. */
  static final class UnboundAccountException extends RuntimeException {}

  private String company() {
    return pages.company().orElseThrow(UnboundAccountException::new);
  }

  @ModelAttribute("fmt")
  PortalFormat format() {
    return FORMAT;
  }

  private static final PortalFormat FORMAT = new PortalFormat();

  // --- the list ----------------------------------------------------------------------------------

  @GetMapping
  public String list(Model model) {
    String company = company();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Application a : pages.mine(company)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("application", a);
      row.put("type", a.type().label());
      row.put("status", PortalApplications.statusWords(a));
      row.put("todos", pages.todos(a));
      rows.add(row);
    }
    model.addAttribute("rows", rows);
    model.addAttribute("drafts", pages.drafts(company));
    model.addAttribute("renewable", pages.renewable(company));
    return "portal/applications/list";
  }

  // --- the form ----------------------------------------------------------------------------------

  @GetMapping("/new")
  public String form(@RequestParam(required = false) String renewalOf, @RequestParam(required = false) String draft,
      Model model, HttpServletResponse response) {
    String company = company();
    PortalApplicationForm form;
    String draftId = null;
    if (draft != null) {
      PortalApplicationDrafts.Draft stored = pages.draft(draft, company)
          .orElseThrow(() -> new NotFoundException("下書きが見つかりません。"));
      form = pages.formOf(stored);
      renewalOf = stored.renewalOf();
      draftId = stored.id();
    } else {
      if (renewalOf != null) {
        String refusal = refusalOfRenewal(renewalOf, company);
        if (refusal != null) {
          model.addAttribute("renewalOf", renewalOf);
          model.addAttribute("reason", refusal);
          response.setStatus(HttpStatus.CONFLICT.value());
          return "portal/applications/renewal-refused";
        }
      }
      form = pages.prefill(company, renewalOf);
    }
    return formPage(model, company, form, new PortalFormErrors(), renewalOf, draftId);
  }

  private String refusalOfRenewal(String renewalOf, String company) {
    String violation = TextRules.violation(renewalOf, TextRules.Lines.FORBIDDEN);
    if (violation != null || renewalOf.length() > 32) {
      return "認定番号の形式が正しくありません。";
    }
    return pages.renewalRefusal(renewalOf, company).orElse(null);
  }

  private String formPage(Model model, String company, PortalApplicationForm form, PortalFormErrors errors,
      String renewalOf, String draftId) {
    Map<String, List<DisclosureItem>> categories = new LinkedHashMap<>();
    for (DisclosureItem item : catalogue.all()) {
      categories.computeIfAbsent(item.category(), c -> new ArrayList<>()).add(item);
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("categories", categories);
    model.addAttribute("dateItem", DisclosureCatalogue.DISCLOSURE_DATE_ITEM);
    model.addAttribute("corporateNumber", company);
    model.addAttribute("renewalOf", renewalOf);
    model.addAttribute("draftId", draftId);
    return "portal/applications/form";
  }

  /**
   * 下書きを保存 (action=draft) or 申請する (action=submit). A draft is checked only for text rules and
   * sizes and keeps no file; a submission goes through ApplicationService.submit, and every error it
   * finds comes back next to its field with the values typed (files must be chosen again).
   */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public String post(HttpServletRequest request, @RequestParam(required = false) String action,
      @RequestParam(required = false) String renewalOf, @RequestParam(required = false) String draftId,
      @RequestParam(required = false) MultipartFile registryCertificate,
      @RequestParam(required = false) MultipartFile applicationForm,
      @RequestParam(required = false) List<MultipartFile> other,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    String company = company();
    String renewal = renewalOf == null || renewalOf.isBlank() ? null : renewalOf.strip();
    String draft = draftId == null || draftId.isBlank() ? null : draftId.strip();
    if (draft != null && pages.draft(draft, company).isEmpty()) {
      draft = null; // deleted meanwhile, or not the company's: saved as a new one
    }
    PortalFormErrors errors = new PortalFormErrors();
    PortalApplicationForm form = PortalApplicationForm.read(request::getParameter, catalogue, errors);
    if (renewal != null && (renewal.length() > 32 || TextRules.violation(renewal, TextRules.Lines.FORBIDDEN) != null)) {
      // The window and the owner are ApplicationService.submit's to check; here only what a draft may store.
      errors.add(null, "更新する認定の認定番号の形式が正しくありません。申請一覧から更新申請を始めてください。");
      renewal = null;
    }

    if ("draft".equals(action)) {
      if (!errors.isEmpty()) {
        errors.add(null, "下書きは保存されていません。");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formPage(model, company, form, errors, renewal, draft);
      }
      var saved = pages.saveDraft(draft, company, renewal, form);
      if (saved.isEmpty()) {
        errors.add(null, "下書きは1社あたり" + PortalApplicationDrafts.MAX_PER_COMPANY
            + "件までです。不要な下書きを申請一覧から削除してから保存してください。");
        response.setStatus(HttpStatus.CONFLICT.value());
        return formPage(model, company, form, errors, renewal, draft);
      }
      redirect.addFlashAttribute("saved", true);
      return "redirect:" + BASE + "/new?draft=" + saved.get();
    }
    if (!"submit".equals(action)) {
      errors.add(null, "「下書きを保存」か「申請する」のボタンで送信してください。");
    }

    PortalApplicationForm.Built built = form.toRequest(company, renewal, catalogue, errors);
    List<FieldError> documentErrors = new ArrayList<>();
    List<UploadedDocument> documents = documentChecker.check(chosen(registryCertificate), chosen(applicationForm),
        chosen(other), documentErrors);
    // The form's own errors go in with the documents' so that ApplicationService.submit reports every
    // error at once (and, finding any, stores nothing); they are on the page already.
    List<FieldError> doorErrors = new ArrayList<>(documentErrors);
    errors.summary().forEach(line -> doorErrors.add(new FieldError(FORM_ERROR, line.text())));
    try {
      Application application = pages.submit(built, documents, doorErrors, company, draft);
      return "redirect:" + BASE + "/" + application.applicationNumber() + "/submitted";
    } catch (InvalidInputException e) {
      for (FieldError error : e.errors()) {
        String id = built.fieldId(error.field());
        // A value the form refused was not sent, so the rules also find it missing: one error is enough.
        if (!error.field().equals(FORM_ERROR) && (id == null || !errors.has(id))) {
          errors.add(id, error.message(), summaryText(id, error.message()));
        }
      }
    } catch (ConflictException e) {
      errors.add(null, e.getMessage());
    }
    errors.add(null, "添付ファイルは保存されていません。もう一度選択してから申請してください。");
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return formPage(model, company, form, errors, renewal, draft);
  }

  /** The summary's line for a field's error: a disclosure item's error names the item. */
  private String summaryText(String fieldId, String message) {
    if (fieldId != null && fieldId.startsWith("disclosure-")) {
      String itemId = fieldId.substring("disclosure-".length());
      return catalogue.find(itemId).map(i -> itemId + " " + i.name() + ": " + message).orElse(message);
    }
    if (fieldId != null && fieldId.startsWith("withhold")) {
      String itemId = fieldId.substring(fieldId.indexOf('-') + 1);
      return catalogue.find(itemId).map(i -> "公表の留保（" + itemId + " " + i.name() + "）: " + message).orElse(message);
    }
    return message;
  }

  /** A file input left empty still sends a part without a name or content: that is no document. */
  private static MultipartFile chosen(MultipartFile file) {
    return file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()))
        ? null : file;
  }

  private static List<MultipartFile> chosen(List<MultipartFile> files) {
    return files == null ? List.of() : files.stream().map(PortalApplicationController::chosen)
        .filter(f -> f != null).toList();
  }

  @PostMapping("/drafts/{draftId}/delete")
  public String deleteDraft(@PathVariable String draftId, RedirectAttributes redirect) {
    if (!pages.deleteDraft(draftId, company())) {
      throw new NotFoundException("下書きが見つかりません。");
    }
    redirect.addFlashAttribute("message", "下書きを削除しました。");
    return "redirect:" + BASE;
  }

  // --- one application ---------------------------------------------------------------------------

  @GetMapping("/{applicationNumber}/submitted")
  public String submitted(@PathVariable String applicationNumber, Model model) {
    Application a = pages.own(applicationNumber, company());
    model.addAttribute("app", a);
    model.addAttribute("fee", service.feeStatus(a));
    model.addAttribute("paymentInstructions", paymentInstructions);
    return "portal/applications/submitted";
  }

  @GetMapping("/{applicationNumber}")
  public String view(@PathVariable String applicationNumber, Model model) {
    Application a = pages.own(applicationNumber, company());
    model.addAttribute("app", a);
    model.addAttribute("type", a.type().label());
    model.addAttribute("status", PortalApplications.statusWords(a));
    model.addAttribute("todos", pages.todos(a));
    model.addAttribute("fee", service.feeStatus(a));
    model.addAttribute("paymentInstructions", paymentInstructions);
    model.addAttribute("supplement", supplements.findOpen(applicationNumber).orElse(null));
    model.addAttribute("notices", notices.forApplication(applicationNumber));
    model.addAttribute("documents", applications.documents(applicationNumber));
    Map<String, WithholdingRules.Judgement> judged = withholding.judgements(applicationNumber);
    List<Map<String, String>> withheld = new ArrayList<>();
    pages.withheldOf(a).forEach(w -> {
      WithholdingRules.Judgement j = judged.get(w.itemId());
      Map<String, String> line = new LinkedHashMap<>();
      line.put("item", w.itemId() + " " + catalogue.find(w.itemId()).map(DisclosureItem::name).orElse(""));
      line.put("reason", w.reason());
      line.put("judgement", j == null ? "審査中" : j.accepted() ? "認められました（公表しません）"
          : "認められませんでした（公表します）" + (j.rejectionReason() == null ? "" : "。理由: " + j.rejectionReason()));
      withheld.add(line);
    });
    model.addAttribute("withheld", withheld);
    model.addAttribute("mayWithdraw", pages.mayWithdraw(a));
    model.addAttribute("isRenewal", a.type() == ApplicationType.RENEWAL);
    return "portal/applications/view";
  }

  @GetMapping("/{applicationNumber}/notices/{noticeId}.pdf")
  public ResponseEntity<byte[]> notice(@PathVariable String applicationNumber, @PathVariable String noticeId) {
    pages.own(applicationNumber, company());
    byte[] file = letters.ofApplication(applicationNumber, noticeId)
        .orElseThrow(() -> new NotFoundException("この通知の文書（PDF）はありません。"));
    return DownloadNames.pdf("通知_" + noticeId + ".pdf", file);
  }

  @GetMapping("/{applicationNumber}/documents/{documentId}")
  public ResponseEntity<byte[]> document(@PathVariable String applicationNumber, @PathVariable String documentId) {
    pages.own(applicationNumber, company());
    ApplicationRepository.DocumentContent document = service.document(applicationNumber, documentId);
    return DownloadNames.pdf(document.fileName(), document.content());
  }

  // --- answering a supplement request ------------------------------------------------------------

  @GetMapping("/{applicationNumber}/supplement")
  public String supplementForm(@PathVariable String applicationNumber, Model model, HttpServletResponse response) {
    Application a = pages.own(applicationNumber, company());
    return supplementPage(model, a, new LinkedHashMap<>(), "", new PortalFormErrors(), response);
  }

  private String supplementPage(Model model, Application a, Map<String, String> changed, String message,
      PortalFormErrors errors, HttpServletResponse response) {
    SupplementRequests.Request open = supplements.findOpen(a.applicationNumber()).orElse(null);
    if (open == null) {
      response.setStatus(HttpStatus.CONFLICT.value());
    }
    Map<String, String> values = pages.disclosureOf(a);
    values.putAll(changed);
    model.addAttribute("app", a);
    model.addAttribute("open", open);
    model.addAttribute("items", catalogue.all());
    model.addAttribute("values", values);
    model.addAttribute("message", message);
    model.addAttribute("errors", errors);
    model.addAttribute("missing", catalogue.missingMandatory(pages.disclosureOf(a).keySet()));
    return "portal/applications/supplement";
  }

  /**
   * The answer to the open supplement request (ApplicationService.supplement): a message, documents,
   * and the disclosure items whose text the applicant changed (only those are sent).
   */
  @PostMapping(path = "/{applicationNumber}/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public String supplement(@PathVariable String applicationNumber, HttpServletRequest request,
      @RequestParam(required = false) MultipartFile registryCertificate,
      @RequestParam(required = false) MultipartFile applicationForm,
      @RequestParam(required = false) List<MultipartFile> other,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Application a = pages.own(applicationNumber, company());
    PortalFormErrors errors = new PortalFormErrors();
    String message = request.getParameter("message");
    message = message == null ? "" : message.replace("\r\n", "\n");
    String violation = TextRules.violation(message, TextRules.Lines.ALLOWED);
    if (violation != null) {
      errors.add("message", violation);
      message = "";
    }
    Map<String, String> stored = pages.disclosureOf(a);
    Map<String, String> changed = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    List<DisclosureValue> disclosure = new ArrayList<>();
    for (DisclosureItem item : catalogue.all()) {
      String raw = request.getParameter("disclosure." + item.itemId());
      if (raw == null) {
        continue;
      }
      String value = raw.replace("\r\n", "\n");
      String textViolation = TextRules.violation(value, TextRules.Lines.ALLOWED);
      if (textViolation != null) {
        errors.add("disclosure-" + item.itemId(), textViolation, summaryText("disclosure-" + item.itemId(), textViolation));
        continue;
      }
      if (value.strip().equals(stored.getOrDefault(item.itemId(), "").strip())) {
        continue;
      }
      changed.put(item.itemId(), value);
      if (value.isBlank()) {
        String text = "開示情報は削除できません。変更しない場合は元の内容のままにしてください";
        errors.add("disclosure-" + item.itemId(), text, summaryText("disclosure-" + item.itemId(), text));
        continue;
      }
      disclosure.add(new DisclosureValue(item.itemId(), PortalDates.disclosureValue(item.itemId(), value)));
      order.add(item.itemId());
    }
    List<FieldError> documentErrors = new ArrayList<>();
    List<UploadedDocument> documents = documentChecker.check(chosen(registryCertificate), chosen(applicationForm),
        chosen(other), documentErrors);
    List<FieldError> doorErrors = new ArrayList<>(documentErrors);
    errors.summary().forEach(line -> doorErrors.add(new FieldError(FORM_ERROR, line.text())));
    String answer = message.isBlank() ? null : message.strip();
    ApplicationService.SupplementRequest supplement =
        new ApplicationService.SupplementRequest(answer, disclosure.isEmpty() ? null : disclosure, null);
    try {
      retry.run(() -> service.supplement(applicationNumber, supplement, documents, doorErrors));
      redirect.addFlashAttribute("message", "補正を提出しました。事務局が内容を確認します。");
      return "redirect:" + BASE + "/" + applicationNumber;
    } catch (InvalidInputException e) {
      // The changed items in the order they were sent, to lead disclosure[i] back to its field.
      PortalApplicationForm.Built sent = new PortalApplicationForm.Built(null, order, List.of());
      for (FieldError error : e.errors()) {
        if (error.field().equals(FORM_ERROR)) {
          continue;
        }
        String id = error.field().equals("message") ? "message"
            : error.field().equals("supplement") ? null : sent.fieldId(error.field());
        if (id == null || !errors.has(id)) {
          errors.add(id, error.message(), summaryText(id, error.message()));
        }
      }
    } catch (ConflictException e) {
      errors.add(null, e.getMessage());
    }
    errors.add(null, "添付ファイルは保存されていません。もう一度選択してから提出してください。");
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return supplementPage(model, a, changed, message, errors, response);
  }

  // --- withdrawal --------------------------------------------------------------------------------

  @GetMapping("/{applicationNumber}/withdraw")
  public String withdrawForm(@PathVariable String applicationNumber, Model model, HttpServletResponse response) {
    Application a = pages.own(applicationNumber, company());
    return withdrawPage(model, a, "", new PortalFormErrors(), response);
  }

  private String withdrawPage(Model model, Application a, String reason, PortalFormErrors errors,
      HttpServletResponse response) {
    if (!pages.mayWithdraw(a)) {
      response.setStatus(HttpStatus.CONFLICT.value());
    }
    model.addAttribute("app", a);
    model.addAttribute("mayWithdraw", pages.mayWithdraw(a));
    model.addAttribute("fee", service.feeStatus(a));
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    return "portal/applications/withdraw";
  }

  /** The withdrawal (ApplicationService.withdraw): it takes effect at once, and the fee is not refunded (第5条2). */
  @PostMapping("/{applicationNumber}/withdraw")
  public String withdraw(@PathVariable String applicationNumber, @RequestParam(required = false) String reason,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Application a = pages.own(applicationNumber, company());
    PortalFormErrors errors = new PortalFormErrors();
    String text = reason == null ? "" : reason.replace("\r\n", "\n");
    String violation = TextRules.violation(text, TextRules.Lines.ALLOWED);
    if (violation != null) {
      errors.add("reason", violation);
    } else {
      try {
        String given = text.isBlank() ? null : text.strip();
        retry.run(() -> service.withdraw(applicationNumber, given));
        redirect.addFlashAttribute("message", "申請を取り下げました。");
        return "redirect:" + BASE + "/" + applicationNumber;
      } catch (InvalidInputException e) {
        e.errors().forEach(f -> errors.add("reason", f.message()));
      } catch (ConflictException e) {
        errors.add(null, e.getMessage());
      }
    }
    response.setStatus(errors.has("reason") ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
    return withdrawPage(model, pages.own(applicationNumber, company()), text, errors, response);
  }

  // --- refusals as pages -------------------------------------------------------------------------

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound(NotFoundException e, Model model) {
    model.addAttribute("detail", e.getMessage());
    return "portal/applications/not-found";
  }

  @ExceptionHandler(UnboundAccountException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  public String unbound() {
    return "portal/applications/unbound";
  }
}

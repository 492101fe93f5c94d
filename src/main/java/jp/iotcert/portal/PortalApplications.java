package jp.iotcert.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.iotcert.application.Application;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.application.ApplicationRepository;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.application.ApplicationStatus;
import jp.iotcert.application.RenewalRules;
import jp.iotcert.application.SupplementRequests;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.Validity;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.InvalidInputException.FieldError;
import jp.iotcert.common.JapaneseDates;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal's application pages need beyond ApplicationService, whose rules they never bypass:
 * the company the account acts for, its applications and what each expects of the applicant now, in
 * words; the drafts; the form's first values (the company's last application, a renewed
 * certification's service and disclosure).
 */
@Service
public class PortalApplications {

  private final ApplicationService applications;
  private final ApplicationRepository repository;
  private final SupplementRequests supplements;
  private final PortalApplicationDrafts drafts;
  private final CertificationRegister register;
  private final RenewalRules renewalRules;
  private final DisclosureCatalogue catalogue;
  private final CurrentUser currentUser;
  private final BusinessCalendar calendar;
  private final ObjectMapper json;

  public PortalApplications(ApplicationService applications, ApplicationRepository repository, SupplementRequests supplements,
      PortalApplicationDrafts drafts, CertificationRegister register, RenewalRules renewalRules,
      DisclosureCatalogue catalogue, CurrentUser currentUser, BusinessCalendar calendar, ObjectMapper json) {
    this.applications = applications;
    this.repository = repository;
    this.supplements = supplements;
    this.drafts = drafts;
    this.register = register;
    this.renewalRules = renewalRules;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
    this.calendar = calendar;
    this.json = json;
  }

  /** The company the account acts for; empty while its binding awaits the secretariat (it may do nothing then). */
  public Optional<String> company() {
    return currentUser.corporateNumber();
  }

  /** The company's applications, newest first. */
  @Transactional(readOnly = true)
  public List<Application> mine(String corporateNumber) {
    // Asked for the company itself: the portal never lists another company's, whatever groups the
    // account also has (ApplicationService.list would give a staff member every application).
    return repository.list(corporateNumber);
  }

  /** One of the company's applications; another company's number is unknown, as a number that does not exist. */
  @Transactional(readOnly = true)
  public Application own(String applicationNumber, String corporateNumber) {
    Application a = applications.visible(applicationNumber);
    if (!a.corporateNumber().equals(corporateNumber)) {
      throw new NotFoundException("申請番号 " + applicationNumber + " の申請はありません。");
    }
    return a;
  }

  /** An application's status as the applicant reads it. */
  public static String statusWords(Application a) {
    return switch (a.status()) {
      case SUBMITTED -> "受付済み（書類の確認と手数料の納付確認の段階）";
      case SUPPLEMENT_REQUESTED -> "補正をお願いしています";
      case UNDER_REVIEW -> "審査中";
      case DECIDED -> "認定の可否を決定しました（通知をお送りします）";
      case CERTIFIED -> "認定されました";
      case NOT_CERTIFIED -> "認定されませんでした";
      case REFUSED -> "受け付けられませんでした（運用規程第8条）";
      case WITHDRAWN -> "取り下げられました";
      case CLOSED -> "終了しました（" + switch (a.closedReason() == null ? "" : a.closedReason()) {
        case "SUPPLEMENT_OVERDUE" -> "補正の期限までに補正がなかったため";
        case "FEE_UNPAID" -> "審査手数料が期限までに納付されなかったため";
        case "CERTIFICATION_ENDED" -> "更新の対象である認定が終了したため";
        default -> "審査の終了";
      } + "）";
    };
  }

  /** Something the applicant has to do now, with its deadline; {@code kind} SUPPLEMENT or FEE_PAYMENT. */
  public record Todo(String kind, String text, LocalDate deadline) {}

  /** What is expected of the applicant now: a supplement, the fee; nothing once the application has ended. */
  @Transactional(readOnly = true)
  public List<Todo> todos(Application a) {
    List<Todo> todos = new ArrayList<>();
    if (a.status().isEnded()) {
      return todos;
    }
    supplements.findOpen(a.applicationNumber()).ifPresent(r -> todos.add(new Todo("SUPPLEMENT",
        "補正（期限 " + JapaneseDates.format(r.deadline()) + "）", r.deadline())));
    ApplicationService.FeeStatus fee = applications.feeStatus(a);
    if (!fee.paidInFull()) {
      todos.add(new Todo("FEE_PAYMENT", "手数料の納付 " + yen(fee.amount() - fee.paid()) + "（期限 "
          + JapaneseDates.format(fee.dueOn()) + "）", fee.dueOn()));
    }
    return todos;
  }

  public static String yen(long amount) {
    return String.format("%,d円", amount);
  }

  /** The company's certifications whose renewal window (第12条1) is open today and that have no renewal yet. */
  @Transactional(readOnly = true)
  public List<Certification> renewable(String corporateNumber) {
    LocalDate today = calendar.today();
    // The company's own rows (indexed by corporate number), not the whole register.
    return register.ofCorporateNumber(corporateNumber).stream()
        .filter(c -> c.status() == CertificationStatus.VALID && c.renewalApplicationNumber() == null)
        .filter(c -> !today.isBefore(Validity.renewalWindowOpens(c.validUntil()))
            && !today.isAfter(Validity.renewalWindowCloses(c.validUntil())))
        .toList();
  }

  /** Why the company cannot renew this certification today (第12条1), or empty when it can. */
  @Transactional(readOnly = true)
  public Optional<String> renewalRefusal(String certificationNumber, String corporateNumber) {
    List<FieldError> errors = new ArrayList<>();
    renewalRules.check(certificationNumber, corporateNumber, calendar.today(), errors);
    return errors.stream().map(FieldError::message).findFirst();
  }

  /**
   * The form's first values: the provider and contact of the company's latest application; for a
   * renewal, the service and the disclosure of the certification renewed, with its withheld items
   * asked to be withheld again (the applicant may change all of it).
   */
  @Transactional(readOnly = true)
  public PortalApplicationForm prefill(String corporateNumber, String renewalOf) {
    PortalApplicationForm form = new PortalApplicationForm();
    mine(corporateNumber).stream().findFirst().ifPresent(a -> {
      form.put("provider.name", a.providerName());
      form.put("provider.address", a.providerAddress());
      form.put("provider.representative", a.representative());
      form.put("contact.name", a.contactName());
      form.put("contact.email", a.contactEmail());
      form.put("contact.phone", a.contactPhone());
    });
    if (renewalOf != null) {
      register.find(renewalOf).filter(c -> c.corporateNumber().equals(corporateNumber)).ifPresent(c -> {
        form.put("service.name", c.serviceName());
        form.put("service.description", c.serviceDescription());
        form.put("service.url", c.serviceUrl());
        read(c.disclosureJson(), new TypeReference<List<DisclosureValue>>() {})
            .forEach(v -> form.put("disclosure." + v.itemId(), v.value()));
        if (c.withheldJson() != null) {
          readWithheld(c.withheldJson()).forEach(itemId -> form.put("withhold." + itemId, PortalApplicationForm.YES));
        }
      });
    }
    return form;
  }

  /** The withheld items of a register entry: stored as item ids or as requests with reasons. */
  private List<String> readWithheld(String withheldJson) {
    try {
      List<String> ids = new ArrayList<>();
      json.readTree(withheldJson).forEach(n -> ids.add(n.isTextual() ? n.asText() : n.path("itemId").asText()));
      return ids.stream().filter(catalogue::contains).toList();
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  /** Submits the form through ApplicationService.submit and, in the same transaction, deletes the draft it came from. */
  @Transactional
  public Application submit(PortalApplicationForm.Built built, List<UploadedDocument> documents,
      List<FieldError> documentErrors, String corporateNumber, String draftId) {
    Application application = applications.submit(built.request(), documents, documentErrors);
    if (draftId != null) {
      drafts.delete(draftId, corporateNumber);
    }
    return application;
  }

  public List<PortalApplicationDrafts.Draft> drafts(String corporateNumber) {
    return drafts.list(corporateNumber);
  }

  public Optional<PortalApplicationDrafts.Draft> draft(String id, String corporateNumber) {
    return id == null ? Optional.empty() : drafts.find(id, corporateNumber);
  }

  /** A draft's values as a form (read again through the form's rules, so a stored draft is never trusted more than input). */
  public PortalApplicationForm formOf(PortalApplicationDrafts.Draft draft) {
    Map<String, String> values = read(draft.formJson(), new TypeReference<LinkedHashMap<String, String>>() {});
    return PortalApplicationForm.read(values::get, catalogue, new PortalFormErrors());
  }

  /**
   * Saves the form as a draft of the company: a new one, or over the draft it was opened from.
   *
   * @return the draft's id, or empty when the company has too many drafts already
   */
  @Transactional
  public Optional<String> saveDraft(String draftId, String corporateNumber, String renewalOf,
      PortalApplicationForm form) {
    String formJson;
    try {
      formJson = json.writeValueAsString(form.values());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    String serviceName = form.get("service.name").isBlank() ? null : form.get("service.name").strip();
    if (draftId != null && drafts.update(draftId, corporateNumber, serviceName, formJson, currentUser.id(), calendar.now())) {
      return Optional.of(draftId);
    }
    if (drafts.count(corporateNumber) >= PortalApplicationDrafts.MAX_PER_COMPANY) {
      return Optional.empty();
    }
    return Optional.of(drafts.insert(corporateNumber, renewalOf, serviceName, formJson, currentUser.id(), calendar.now()));
  }

  @Transactional
  public boolean deleteDraft(String draftId, String corporateNumber) {
    return drafts.delete(draftId, corporateNumber);
  }

  /** The stored disclosure of an application, by item id (what a supplement may change). */
  public Map<String, String> disclosureOf(Application a) {
    Map<String, String> values = new LinkedHashMap<>();
    read(a.disclosureJson(), new TypeReference<List<DisclosureValue>>() {}).forEach(v -> values.put(v.itemId(), v.value()));
    return values;
  }

  public List<WithheldItem> withheldOf(Application a) {
    return read(a.withheldJson(), new TypeReference<List<WithheldItem>>() {});
  }

  public boolean mayWithdraw(Application a) {
    return !a.status().isEnded() && a.status() != ApplicationStatus.DECIDED;
  }

  private <T> T read(String value, TypeReference<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

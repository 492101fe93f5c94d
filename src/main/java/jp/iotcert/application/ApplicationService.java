package jp.iotcert.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationLifecycle;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.InvalidInputException.FieldError;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.document.DocumentKind;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.identity.CurrentUser;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What applicants and staff do to an application through the API. Each operation is one
 * transaction with the engine's: the stored data and the process move together or not at all.
 */
@Service
public class ApplicationService {

  /** The version of the operating rules applications run under (第22条; in force since 2022-04-01). */
  public static final String RULES_VERSION = "2022-04-01";
  /** How long after its arrival a postal application may still be entered with its arrival date. */
  static final int POSTAL_ENTRY_DAYS = 30;

  private final ApplicationRepository applications;
  private final FeeLedger fees;
  private final SupplementRequests supplements;
  private final ApplicationValidator validator;
  private final ApplicationNumbers numbers;
  private final RuntimeService runtimeService;
  private final BusinessCalendar calendar;
  private final CurrentUser currentUser;
  private final CaseAccess caseAccess;
  private final RenewalRules renewalRules;
  private final CertificationLifecycle lifecycle;
  private final ObjectMapper json;
  private final long feeAmount;
  private final Period feeReminderAfter;
  private final Period feeDeadline;

  public ApplicationService(ApplicationRepository applications, FeeLedger fees, SupplementRequests supplements,
      ApplicationValidator validator, ApplicationNumbers numbers, RuntimeService runtimeService, BusinessCalendar calendar,
      CurrentUser currentUser, CaseAccess caseAccess, RenewalRules renewalRules, CertificationLifecycle lifecycle,
      ObjectMapper json,
      @Value("${iotcert.fee.amount}") long feeAmount,
      @Value("${iotcert.fee.reminder-after}") Period feeReminderAfter,
      @Value("${iotcert.fee.deadline}") Period feeDeadline) {
    this.applications = applications;
    this.fees = fees;
    this.supplements = supplements;
    this.validator = validator;
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.caseAccess = caseAccess;
    this.renewalRules = renewalRules;
    this.lifecycle = lifecycle;
    this.json = json;
    this.feeAmount = feeAmount;
    this.feeReminderAfter = feeReminderAfter;
    this.feeDeadline = feeDeadline;
  }

  @Transactional
  public Application submit(ApplicationRequest request, List<UploadedDocument> documents, List<FieldError> documentErrors) {
    List<FieldError> errors = new ArrayList<>(validator.validate(request));
    errors.addAll(documentErrors);
    if (ApplicationType.NEW.name().equals(request.type())
        && documents.stream().noneMatch(d -> d.kind() == DocumentKind.REGISTRY_CERTIFICATE)
        && documentErrors.stream().noneMatch(e -> e.field().equals(DocumentKind.REGISTRY_CERTIFICATE.part()))) {
      errors.add(new FieldError("registryCertificate", "新規申請には登記事項証明書（PDF）が必要です"));
    }
    if (currentUser.isProviderOnly()) {
      String own = currentUser.corporateNumber().orElse(null);
      if (request.provider() != null && request.provider().corporateNumber() != null
          && !request.provider().corporateNumber().equals(own)) {
        errors.add(new FieldError("provider.corporateNumber", "自社の法人番号でのみ申請できます"));
      }
      if (Channel.POST.name().equals(request.channel())) {
        errors.add(new FieldError("channel", "郵送申請（POST）は事務局が登録します"));
      }
    }
    LocalDate today = calendar.today();
    LocalDate applicationDate = applicationDate(request, today, errors);
    Optional<Certification> renewed = Optional.empty();
    if (ApplicationType.RENEWAL.name().equals(request.type()) && request.certificationNumber() != null
        && request.provider() != null && errors.isEmpty()) {
      renewed = renewalRules.check(request.certificationNumber(), request.provider().corporateNumber(),
          applicationDate, errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("申請内容に" + errors.size() + "件の誤りがあります。", errors);
    }

    String number = numbers.next(today);
    LocalDate feeDueOn = applicationDate.plus(feeDeadline);
    Application application = new Application(number, ApplicationType.valueOf(request.type()),
        Channel.valueOf(request.channel()), ApplicationStatus.SUBMITTED, request.provider().corporateNumber(),
        request.provider().name().strip(), request.provider().address().strip(),
        request.provider().representative().strip(), request.contact().name().strip(),
        request.contact().email().strip(), request.contact().phone().strip(), request.service().name().strip(),
        request.service().description().strip(), blankToNull(request.service().url()),
        write(request.disclosureOrEmpty()), write(request.withheldOrEmpty()), blankToNull(request.certificationNumber()),
        applicationDate,
        calendar.now(), currentUser.id(), RULES_VERSION, feeAmount, feeDueOn, null, null, null, null, null, null);
    applications.insert(application);
    storeDocuments(number, documents);
    if (application.type() == ApplicationType.RENEWAL) {
      applications.setMarkUseDeclaration(number, write(request.markUseDeclaration()));
      if (!lifecycle.renewalFiled(application.certificationNumber(), number)) {
        // Another renewal was filed at the same moment: this transaction rolls back whole.
        throw new ConflictException("認定番号 " + application.certificationNumber() + " には既に更新申請があります。");
      }
    }

    Map<String, Object> variables = new HashMap<>();
    variables.put(ApplicationProcess.APPLICATION_NUMBER, number);
    variables.put(ApplicationProcess.APPLICATION_TYPE, application.type().name());
    variables.put(ApplicationProcess.APPLICATION_KIND, application.type().label());
    variables.put(ApplicationProcess.CHANNEL, application.channel().name());
    variables.put(ApplicationProcess.CORPORATE_NUMBER, application.corporateNumber());
    // As the applicant wrote them (task cards, Cockpit, REST clients); each task's form gets its own
    // Markdown copy from CaseCardListener.
    variables.put(ApplicationProcess.PROVIDER_NAME, application.providerName());
    variables.put(ApplicationProcess.SERVICE_NAME, application.serviceName());
    variables.put(ApplicationProcess.FEE_AMOUNT, feeAmount);
    if (application.certificationNumber() != null) {
      variables.put(ApplicationProcess.CERTIFICATION_NUMBER, application.certificationNumber());
    }
    renewed.ifPresent(c -> variables.put(ApplicationProcess.RENEWAL_NOTE,
        CaseContext.renewalNote(c.certificationNumber(), c.validUntil(), request.markUseDeclaration())));
    variables.put(ApplicationProcess.FEE_REMINDER_AT, BusinessCalendar.startOf(applicationDate.plus(feeReminderAfter)));
    variables.put(ApplicationProcess.FEE_DUE_AT, BusinessCalendar.endOf(feeDueOn));
    // 第12条: the renewal is decided before the certification's last day of validity. Only renewals
    // have it: a new application's null would cost three rows (runtime, history, detail) for nothing,
    // and the tasks' due dates read it with execution.getVariable, which answers null when absent.
    renewed.ifPresent(c -> variables.put(ApplicationProcess.RENEWAL_DECISION_DUE_AT,
        BusinessCalendar.endOf(c.validUntil().minusDays(1))));
    runtimeService.startProcessInstanceByKey(ApplicationProcess.KEY, number, variables);
    return applications.get(number);
  }

  /**
   * The application date (第8条 counts from it; the fee deadline too): today for online
   * applications; for postal ones the day the post arrived, which staff give as `receivedOn`.
   */
  private LocalDate applicationDate(ApplicationRequest request, LocalDate today, List<FieldError> errors) {
    if (request.receivedOn() == null) {
      return today;
    }
    if (!Channel.POST.name().equals(request.channel())) {
      errors.add(new FieldError("receivedOn", "受付日（receivedOn）は郵送申請（POST）でのみ指定します"));
    } else if (request.receivedOn().isAfter(today)) {
      errors.add(new FieldError("receivedOn", "受付日に未来の日付は指定できません"));
    } else if (request.receivedOn().isBefore(today.minusDays(POSTAL_ENTRY_DAYS))) {
      errors.add(new FieldError("receivedOn", "受付日は" + POSTAL_ENTRY_DAYS + "日以内の日付を指定してください"));
    }
    return request.receivedOn();
  }

  /** The application, when the caller works on it or is its applicant (第20条); unknown otherwise. */
  @Transactional(readOnly = true)
  public Application visible(String applicationNumber) {
    Application application = applications.find(applicationNumber)
        .orElseThrow(() -> notFound(applicationNumber));
    if (!caseAccess.mayRead(application)) {
      // Another provider's application: answered as unknown, so numbers cannot be probed.
      throw notFound(applicationNumber);
    }
    return application;
  }

  /** A document's content, for a caller who may read the application; every read is logged (第20条). */
  @Transactional
  public ApplicationRepository.DocumentContent document(String applicationNumber, String documentId) {
    visible(applicationNumber);
    ApplicationRepository.DocumentContent content = applications.documentContent(applicationNumber, documentId)
        .orElseThrow(() -> new NotFoundException("書類 " + documentId + " はありません。"));
    applications.logDocumentRead(applicationNumber, documentId, currentUser.id(), calendar.now());
    return content;
  }

  @Transactional(readOnly = true)
  public List<Application> list() {
    if (currentUser.isProviderOnly()) {
      return currentUser.corporateNumber().map(applications::list).orElse(List.of());
    }
    return applications.list(null);
  }

  @Transactional
  public void supplement(String applicationNumber, SupplementRequest request, List<UploadedDocument> documents,
      List<FieldError> documentErrors) {
    visible(applicationNumber);
    Application application = applications.lock(applicationNumber);
    if (application.status().isEnded()) {
      throw new ConflictException("申請 " + applicationNumber + " は既に終了しています（" + application.status() + "）。");
    }
    List<FieldError> errors = new ArrayList<>(documentErrors);
    if (request.disclosure() != null || request.withheldItems() != null) {
      Set<String> stored = new HashSet<>();
      read(application.disclosureJson(), new TypeReference<List<DisclosureValue>>() {})
          .forEach(v -> stored.add(v.itemId()));
      validator.validateDisclosure(request.disclosure() == null ? List.of() : request.disclosure(),
          request.withheldItems(), stored, errors);
    }
    if (request.message() != null && request.message().length() > 4000) {
      errors.add(new FieldError("message", "メッセージは4000文字以内で入力してください"));
    }
    if (documents.isEmpty() && request.disclosure() == null && request.withheldItems() == null
        && documentErrors.isEmpty()) {
      errors.add(new FieldError("supplement", "補正する書類または開示情報を送ってください"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("補正の内容に" + errors.size() + "件の誤りがあります。", errors);
    }
    SupplementRequests.Request open = supplements.findOpen(applicationNumber)
        .orElseThrow(() -> new ConflictException("申請 " + applicationNumber + " には回答待ちの補正依頼がありません。"));

    if (request.disclosure() != null || request.withheldItems() != null) {
      Map<String, DisclosureValue> merged = new LinkedHashMap<>();
      read(application.disclosureJson(), new TypeReference<List<DisclosureValue>>() {})
          .forEach(v -> merged.put(v.itemId(), v));
      if (request.disclosure() != null) {
        request.disclosure().forEach(v -> merged.put(v.itemId(), v));
      }
      List<WithheldItem> withheld = request.withheldItems() != null ? request.withheldItems()
          : read(application.withheldJson(), new TypeReference<List<WithheldItem>>() {});
      applications.updateDisclosure(applicationNumber, write(List.copyOf(merged.values())), write(withheld));
    }
    storeDocuments(applicationNumber, documents);
    supplements.answer(open.id(), request.message(), calendar.now());
    applications.updateStatus(applicationNumber, ApplicationStatus.SUBMITTED);
    try {
      runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_SUPPLEMENTED)
          .processInstanceBusinessKey(applicationNumber)
          .setVariable(ApplicationProcess.SUPPLEMENT_SUMMARY, CaseContext.supplementSummary(open.message(),
              open.requestedAt(), request.message(), documents, request.disclosure(), request.withheldItems() != null))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("申請 " + applicationNumber + " は補正を受け付けられる状態ではありません。");
    }
  }

  @Transactional
  public void withdraw(String applicationNumber, String reason) {
    visible(applicationNumber);
    Application application = applications.lock(applicationNumber);
    if (application.status().isEnded()) {
      throw new ConflictException("申請 " + applicationNumber + " は既に終了しています（" + application.status() + "）。");
    }
    if (application.status() == ApplicationStatus.DECIDED) {
      throw new ConflictException("認定の可否が決定した後は取り下げられません。");
    }
    if (reason != null && reason.length() > 2000) {
      throw new InvalidInputException("reason", "取下げの理由は2000文字以内で入力してください");
    }
    // The withdrawal takes effect now; the process cancels open work and sends the notice.
    applications.end(applicationNumber, ApplicationStatus.WITHDRAWN, "WITHDRAWN", calendar.now());
    if (application.type() == ApplicationType.RENEWAL) {
      lifecycle.renewalEnded(application.certificationNumber(), applicationNumber);
    }
    supplements.closeOpen(applicationNumber, SupplementRequests.CANCELLED);
    runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_WITHDRAWAL)
        .processInstanceBusinessKey(applicationNumber)
        .setVariable(ApplicationProcess.WITHDRAWAL_REASON, reason == null ? "" : reason.strip())
        .correlateWithResult();
  }

  @Transactional
  public FeeStatus pay(String applicationNumber, PaymentRequest payment) {
    // Staff and the payment system (the only callers, see SecurityConfig) record payments for any application.
    Application application = applications.lock(applicationNumber);
    List<FieldError> errors = new ArrayList<>();
    if (payment.amount() == null) {
      errors.add(new FieldError("amount", "金額（円）は必須です"));
    } else if (payment.amount() <= 0) {
      errors.add(new FieldError("amount", "金額は1円以上の整数です"));
    }
    if (payment.paidOn() == null) {
      errors.add(new FieldError("paidOn", "納付日は必須です（例: 2026-12-01）"));
    } else if (DateRules.pastEvent(payment.paidOn(), calendar.today()) != null) {
      errors.add(new FieldError("paidOn", "納付日: " + DateRules.pastEvent(payment.paidOn(), calendar.today())));
    } else if (payment.paidOn().isBefore(application.applicationDate().minusDays(90))) {
      errors.add(new FieldError("paidOn", "納付日が申請日より90日以上前です"));
    }
    if (payment.reference() == null || payment.reference().isBlank()) {
      errors.add(new FieldError("reference", "納付の照会番号は必須です"));
    } else if (payment.reference().length() > 100) {
      errors.add(new FieldError("reference", "照会番号は100文字以内です"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("納付の記録に" + errors.size() + "件の誤りがあります。", errors);
    }
    if (application.status().isEnded()) {
      throw new ConflictException("申請 " + applicationNumber + " は既に終了しています。納付は記録できません。");
    }
    if (fees.paid(applicationNumber) >= application.feeAmount()) {
      throw new ConflictException("申請 " + applicationNumber + " の審査手数料は既に全額納付されています。");
    }
    if (fees.hasReference(applicationNumber, payment.reference().strip())) {
      throw new ConflictException("照会番号 " + payment.reference().strip() + " の納付は既に記録されています。");
    }
    long before = fees.paid(applicationNumber);
    long outstanding = application.feeAmount() - before;
    if (payment.amount() > outstanding) {
      // Overpayment is never recorded: the fee is not refunded (第5条2), so the payment system
      // reconciles the excess with the payer before recording the right amount.
      throw new InvalidInputException("amount", "金額 " + payment.amount() + " 円が未納額 " + outstanding
          + " 円を超えています。過払いは記録できません（超過分は納付システム側で精算してください）");
    }
    fees.record(applicationNumber, payment.amount(), payment.paidOn(), payment.reference().strip(), calendar.now(),
        currentUser.id());
    long paid = before + payment.amount();
    if (before < application.feeAmount() && paid >= application.feeAmount()) {
      runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_FEE_PAID)
          .processInstanceBusinessKey(applicationNumber).correlateAllWithResult();
    }
    return feeStatus(application, paid);
  }

  public FeeStatus feeStatus(Application application) {
    return feeStatus(application, fees.paid(application.applicationNumber()));
  }

  private static FeeStatus feeStatus(Application application, long paid) {
    return new FeeStatus(application.feeAmount(), paid, paid >= application.feeAmount(), application.feeDueOn());
  }

  private void storeDocuments(String applicationNumber, List<UploadedDocument> documents) {
    for (UploadedDocument document : documents) {
      applications.addDocument(applicationNumber, document, document.sha256(), calendar.now(),
          currentUser.id());
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String value, TypeReference<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static NotFoundException notFound(String applicationNumber) {
    return new NotFoundException("申請番号 " + applicationNumber + " の申請はありません。");
  }

  public record SupplementRequest(String message, List<DisclosureValue> disclosure, List<WithheldItem> withheldItems) {}

  public record PaymentRequest(Long amount, LocalDate paidOn, String reference) {}

  public record FeeStatus(long amount, long paid, boolean paidInFull, LocalDate dueOn) {}
}

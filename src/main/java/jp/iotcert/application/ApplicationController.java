package jp.iotcert.application;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.common.ConcurrentUpdateRetry;
import jp.iotcert.common.DownloadNames;
import jp.iotcert.common.InvalidInputException.FieldError;
import jp.iotcert.common.StrictJson;
import jp.iotcert.document.DocumentChecker;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.notice.NoticeService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/applications")
public class ApplicationController {

  private final ApplicationService service;
  private final ApplicationRepository applications;
  private final SupplementRequests supplements;
  private final NoticeService notices;
  private final DocumentChecker documentChecker;
  private final StrictJson strictJson;
  private final ConcurrentUpdateRetry retry;
  private final WithholdingJudgements withholding;

  public ApplicationController(ApplicationService service, ApplicationRepository applications,
      SupplementRequests supplements, NoticeService notices, DocumentChecker documentChecker, StrictJson strictJson,
      ConcurrentUpdateRetry retry, WithholdingJudgements withholding) {
    this.retry = retry;
    this.withholding = withholding;
    this.service = service;
    this.applications = applications;
    this.supplements = supplements;
    this.notices = notices;
    this.documentChecker = documentChecker;
    this.strictJson = strictJson;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Map<String, String>> submit(
      @RequestPart("application") String applicationJson,
      @RequestPart(value = "registryCertificate", required = false) MultipartFile registryCertificate,
      @RequestPart(value = "applicationForm", required = false) MultipartFile applicationForm,
      @RequestPart(value = "other", required = false) List<MultipartFile> other) {
    ApplicationRequest request = parse(applicationJson, new TypeReference<>() {}, "application");
    List<FieldError> documentErrors = new ArrayList<>();
    List<UploadedDocument> documents = documentChecker.check(registryCertificate, applicationForm, other, documentErrors);
    Application application = service.submit(request, documents, documentErrors);
    return ResponseEntity.created(URI.create("/api/applications/" + application.applicationNumber()))
        .body(Map.of("applicationNumber", application.applicationNumber(), "status", application.status().name()));
  }

  @GetMapping
  public List<ApplicationView.Summary> list() {
    return service.list().stream()
        .map(a -> new ApplicationView.Summary(a.applicationNumber(), a.type().name(), a.status().name(),
            a.corporateNumber(), a.serviceName(), a.applicationDate(), a.certificationNumber()))
        .toList();
  }

  @GetMapping("/{applicationNumber}")
  public ApplicationView get(@PathVariable String applicationNumber) {
    Application a = service.visible(applicationNumber);
    List<ApplicationView.OpenRequest> open = new ArrayList<>();
    supplements.findOpen(applicationNumber)
        .ifPresent(r -> open.add(new ApplicationView.OpenRequest("SUPPLEMENT", r.message(), r.deadline())));
    ApplicationService.FeeStatus fee = service.feeStatus(a);
    if (!fee.paidInFull() && !a.status().isEnded()) {
      open.add(new ApplicationView.OpenRequest("FEE_PAYMENT",
          "審査手数料 " + fee.amount() + " 円をお納めください（納付済み " + fee.paid() + " 円）。", fee.dueOn()));
    }
    return new ApplicationView(a.applicationNumber(), a.type().name(), a.channel().name(), a.status().name(),
        a.applicationDate(), a.submittedAt(), a.rulesVersion(),
        new ApplicationRequest.Provider(a.corporateNumber(), a.providerName(), a.providerAddress(), a.representative()),
        new ApplicationRequest.Contact(a.contactName(), a.contactEmail(), a.contactPhone()),
        new ApplicationRequest.Service(a.serviceName(), a.serviceDescription(), a.serviceUrl()),
        parse(a.disclosureJson(), new TypeReference<List<DisclosureValue>>() {}, "disclosure"),
        withheldItems(a),
        applications.documents(applicationNumber).stream()
            .map(d -> new ApplicationView.DocumentView(d.id(), d.kind().part(), d.fileName(), d.sizeBytes(),
                d.sha256(), d.uploadedAt(), "/api/applications/" + applicationNumber + "/documents/" + d.id()))
            .toList(),
        fee, open,
        notices.forApplication(applicationNumber).stream()
            .map(n -> new ApplicationView.NoticeView(n.kind(), n.subject(), n.body(), n.sentAt(),
                n.hasLetter() ? "/api/applications/" + applicationNumber + "/notices/" + n.id() + ".pdf" : null,
                n.template(), n.templateVersion(), n.layoutVersion()))
            .toList(),
        a.decision() == null ? null : new ApplicationView.Decision(a.decision(), a.decisionReasons(), a.decidedOn(),
            a.decisionOverrideReason()),
        a.certificationNumber(), a.closedReason());
  }

  private List<ApplicationView.WithheldItemView> withheldItems(Application a) {
    Map<String, WithholdingRules.Judgement> judged = withholding.judgements(a.applicationNumber());
    return parse(a.withheldJson(), new TypeReference<List<WithheldItem>>() {}, "withheldItems").stream()
        .map(w -> {
          WithholdingRules.Judgement j = judged.get(w.itemId());
          return new ApplicationView.WithheldItemView(w.itemId(), w.reason(),
              j == null ? null : j.accepted() ? WithholdingRules.ACCEPTED : WithholdingRules.REJECTED,
              j == null ? null : j.rejectionReason());
        }).toList();
  }

  @GetMapping("/{applicationNumber}/documents/{documentId}")
  public ResponseEntity<byte[]> document(@PathVariable String applicationNumber, @PathVariable String documentId) {
    ApplicationRepository.DocumentContent document = service.document(applicationNumber, documentId);
    return DownloadNames.pdf(document.fileName(), document.content());
  }

  @PostMapping(path = "/{applicationNumber}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Map<String, String>> supplement(@PathVariable String applicationNumber,
      @RequestPart(value = "supplement", required = false) String supplementJson,
      @RequestPart(value = "registryCertificate", required = false) MultipartFile registryCertificate,
      @RequestPart(value = "applicationForm", required = false) MultipartFile applicationForm,
      @RequestPart(value = "other", required = false) List<MultipartFile> other) {
    ApplicationService.SupplementRequest request = supplementJson == null
        ? new ApplicationService.SupplementRequest(null, null, null)
        : parse(supplementJson, new TypeReference<>() {}, "supplement");
    List<FieldError> documentErrors = new ArrayList<>();
    List<UploadedDocument> documents = documentChecker.check(registryCertificate, applicationForm, other, documentErrors);
    retry.run(() -> service.supplement(applicationNumber, request, documents, documentErrors));
    return ResponseEntity.accepted().body(Map.of("applicationNumber", applicationNumber,
        "status", applications.get(applicationNumber).status().name()));
  }

  @PostMapping("/{applicationNumber}/withdrawal")
  public ResponseEntity<Map<String, String>> withdraw(@PathVariable String applicationNumber,
      @RequestBody(required = false) String body) {
    // The body is optional (no reason given), but when sent it is read as strictly as every other.
    WithdrawalRequest request = body == null || body.isBlank() ? null : parse(body, new TypeReference<>() {}, "body");
    retry.run(() -> service.withdraw(applicationNumber, request == null ? null : request.reason()));
    return ResponseEntity.accepted().body(Map.of("applicationNumber", applicationNumber,
        "status", applications.get(applicationNumber).status().name()));
  }

  @PostMapping(path = "/{applicationNumber}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ApplicationService.FeeStatus> pay(@PathVariable String applicationNumber,
      @RequestBody String body) {
    ApplicationService.PaymentRequest payment = parse(body, new TypeReference<>() {}, "body");
    return ResponseEntity.status(201).body(retry.run(() -> service.pay(applicationNumber, payment)));
  }

  public record WithdrawalRequest(String reason) {}

  private <T> T parse(String value, TypeReference<T> type, String part) {
    return strictJson.read(value, type, part);
  }

}

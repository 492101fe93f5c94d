package jp.iotcert.oversight;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.VisibleCertifications;
import jp.iotcert.common.DownloadNames;
import jp.iotcert.common.InvalidInputException.FieldError;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.common.ConcurrentUpdateRetry;
import jp.iotcert.common.StrictJson;
import jp.iotcert.document.DocumentChecker;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Investigations (第15条): opened by staff, answered by the provider with an explanation and, if
 * asked for, documents (PDF); the documents are read by staff, managers, the investigation's
 * delegate and the provider itself, every read logged (第20条).
 */
@RestController
public class InvestigationController {

  private final VisibleCertifications certifications;
  private final Investigations investigations;
  private final CurrentUser currentUser;
  private final StrictJson strictJson;
  private final ConcurrentUpdateRetry retry;
  private final DocumentChecker documentChecker;

  public InvestigationController(VisibleCertifications certifications, Investigations investigations,
      CurrentUser currentUser, StrictJson strictJson, DocumentChecker documentChecker, ConcurrentUpdateRetry retry) {
    this.certifications = certifications;
    this.investigations = investigations;
    this.currentUser = currentUser;
    this.strictJson = strictJson;
    this.retry = retry;
    this.documentChecker = documentChecker;
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/investigations", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> open(@PathVariable String certificationNumber, @RequestBody String body) {
    Investigations.NewInvestigation request = strictJson.read(body, new TypeReference<>() {}, "body");
    String id = investigations.open(certifications.get(certificationNumber), request, currentUser.id(), null);
    return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/certifications/{no}/cases")
            .buildAndExpand(certificationNumber).encode().toUri())
        .body(Map.of("id", id, "certificationNumber", certificationNumber));
  }

  /** The explanation alone, as JSON. */
  @PostMapping(path = "/api/certifications/{certificationNumber}/investigations/{investigationId}/explanations",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> explain(@PathVariable String certificationNumber,
      @PathVariable String investigationId, @RequestBody String body) {
    Explanation explanation = strictJson.read(body, new TypeReference<>() {}, "body");
    return explained(certificationNumber, investigationId, explanation.explanation(), List.of(), List.of());
  }

  /** The explanation (part `explanation`, JSON) with documents (parts `documents`, PDF, at most ten). */
  @PostMapping(path = "/api/certifications/{certificationNumber}/investigations/{investigationId}/explanations",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Map<String, String>> explainWithDocuments(@PathVariable String certificationNumber,
      @PathVariable String investigationId,
      @RequestPart(value = "explanation", required = false) String explanationJson,
      @RequestPart(value = "documents", required = false) List<MultipartFile> documents) {
    if (explanationJson == null) {
      throw new InvalidInputException("explanation", "説明（パート explanation、JSON）は必須です");
    }
    Explanation explanation = strictJson.read(explanationJson, new TypeReference<>() {}, "explanation");
    List<FieldError> documentErrors = new ArrayList<>();
    List<UploadedDocument> checked = documentChecker.checkAttachments(documents, "documents", documentErrors);
    return explained(certificationNumber, investigationId, explanation.explanation(), checked, documentErrors);
  }

  private ResponseEntity<Map<String, String>> explained(String certificationNumber, String investigationId,
      String explanation, List<UploadedDocument> documents, List<FieldError> documentErrors) {
    certifications.get(certificationNumber);
    retry.run(() -> investigations.explain(certificationNumber, investigationId, explanation, documents, documentErrors,
        currentUser.id()));
    return ResponseEntity.accepted().body(Map.of("id", investigationId, "status", "EXPLAINED"));
  }

  @GetMapping("/api/certifications/{certificationNumber}/investigations/{investigationId}/documents/{documentId}")
  public ResponseEntity<byte[]> document(@PathVariable String certificationNumber, @PathVariable String investigationId,
      @PathVariable String documentId) {
    Investigations.Investigation inv = investigations.get(investigationId);
    boolean visible = inv.certificationNumber().equals(certificationNumber) && (currentUser.isDelegateOnly()
        ? currentUser.id().equals(inv.delegatedTo()) : certifications.find(certificationNumber).isPresent());
    if (!visible) {
      throw new NotFoundException("書類 " + documentId + " はありません。");
    }
    Investigations.DocumentContent document = investigations.readDocument(investigationId, documentId, currentUser.id());
    return DownloadNames.pdf(document.fileName(), document.content());
  }

  public record Explanation(String explanation) {}
}

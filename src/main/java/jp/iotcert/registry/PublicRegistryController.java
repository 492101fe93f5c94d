package jp.iotcert.registry;

import java.util.List;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public registry as JSON: anyone, no login, published fields only (CONTRACT.md). */
@RestController
public class PublicRegistryController {

  private final Registry registry;

  public PublicRegistryController(Registry registry) {
    this.registry = registry;
  }

  @GetMapping("/api/public/certifications")
  public ResponseEntity<List<RegistryEntry>> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String status) {
    if (q != null && q.length() > 200) {
      throw new InvalidInputException("q", "検索語は200文字以内で指定してください");
    }
    CertificationStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = CertificationStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("status", "状態は VALID, RENEWAL_UNDER_REVIEW, EXPIRED, REVOKED, LAPSED, TERMINATED のいずれかです");
      }
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(registry.search(q, wanted));
  }

  @GetMapping("/api/public/certifications/{certificationNumber}")
  public ResponseEntity<RegistryEntry> entry(@PathVariable String certificationNumber) {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(registry.find(certificationNumber)
        .orElseThrow(() -> new NotFoundException("認定番号 " + certificationNumber + " の認定はありません。")));
  }
}

package jp.iotcert.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.CertificationImport;
import jp.iotcert.common.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/certifications/imports (staff, manager): migration from the old register, a result per entry. */
@RestController
public class ImportController {

  static final int MAX_ENTRIES = 1000;

  private final CertificationImport imports;
  private final ObjectMapper strictJson;

  public ImportController(CertificationImport imports, ObjectMapper json) {
    this.imports = imports;
    this.strictJson = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @PostMapping(path = "/api/certifications/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> importAll(@RequestBody String body) {
    List<CertificationImport.Entry> entries;
    try {
      entries = strictJson.readValue(body, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("body", "認定の配列（JSON）として読めません（" + e.getOriginalMessage() + "）");
    }
    if (entries == null || entries.isEmpty()) {
      throw new InvalidInputException("body", "取り込む認定がありません");
    }
    if (entries.size() > MAX_ENTRIES) {
      throw new InvalidInputException("body", "一度に取り込めるのは" + MAX_ENTRIES + "件までです");
    }
    List<CertificationImport.Result> results = imports.importAll(entries);
    return Map.of("created", results.stream().filter(r -> r.result().equals("CREATED")).count(),
        "alreadyRegistered", results.stream().filter(r -> r.result().equals("ALREADY_REGISTERED")).count(),
        "rejected", results.stream().filter(r -> r.result().equals("REJECTED")).count(),
        "results", results);
  }
}

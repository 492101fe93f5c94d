package jp.iotcert.certification;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.StrictJson;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/certifications/imports (staff, manager): migration from the old register, a result per entry. */
@RestController
public class ImportController {

  static final int MAX_ENTRIES = 1000;

  private final CertificationImport imports;
  private final StrictJson strictJson;

  public ImportController(CertificationImport imports, StrictJson strictJson) {
    this.imports = imports;
    this.strictJson = strictJson;
  }

  @PostMapping(path = "/api/certifications/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> importAll(@RequestBody String body) {
    List<CertificationImport.Entry> entries = strictJson.read(body, new TypeReference<>() {}, "body");
    if (entries.isEmpty()) {
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

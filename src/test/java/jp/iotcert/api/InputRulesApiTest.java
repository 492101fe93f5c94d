package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Input rules that the hostile-input table cannot show by a status alone. */
class InputRulesApiTest extends ApiTestBase {

  @Autowired JdbcClient jdbc;

  @Test
  void errorListsAreBounded() {
    Map<String, Object> app = application(TestApplications.PROVIDER1_NUMBER, "誤りの多い申請");
    List<Map<String, String>> disclosure = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      disclosure.add(Map.of("itemId", "Z-" + i + "x".repeat(1000), "value", "値"));
    }
    app.put("disclosure", disclosure);
    app.remove("withheldItems");

    ResponseEntity<JsonNode> response = submit("provider1", app, TestApplications.PDF);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    JsonNode problem = response.getBody();
    assertThat(problem.get("errors")).hasSize(50);
    assertThat(problem.get("omittedErrors").asInt()).isEqualTo(350);
    assertThat(problem.get("detail").asText()).contains("400 件");
    assertThat(problem.get("errors").get(0).get("message").asText()).hasSizeLessThanOrEqualTo(500);
    assertThat(problem.toString().length()).isLessThan(64 * 1024);
  }

  @Test
  void storedFileNamesAreCleanedOnDownload() {
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "古い書類名");
    JsonNode document = get("provider1", "/api/applications/" + no).getBody().get("documents").get(0);
    // A name stored before the upload check: a right-to-left override, a bell and a path.
    jdbc.sql("UPDATE application_document SET file_name = ? WHERE id = ?")
        .params("../登記\u202Efdp.exe\u0007", document.get("id").asText()).update();

    ResponseEntity<byte[]> download = download("provider1", document.get("href").asText());

    assertThat(download.getStatusCode().value()).isEqualTo(200);
    String disposition = download.getHeaders().getFirst("Content-Disposition");
    assertThat(disposition).startsWith("inline; filename=")
        .contains("filename*=UTF-8''.._%E7%99%BB%E8%A8%98fdp.exe")
        .doesNotContain("%E2%80%AE").doesNotContain("%07").doesNotContain("/");
  }
}

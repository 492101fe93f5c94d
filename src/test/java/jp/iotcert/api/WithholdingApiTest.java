package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * 第11条2 over HTTP: the reviewer judges the applicant's request to withhold an item through engine
 * REST as Tasklist does (a refusal answers the rule in Japanese), and the applicant's view of the
 * application shows the judgement once made.
 */
class WithholdingApiTest extends ApiTestBase {

  @Autowired TaskService taskService;

  @Test
  void theApplicantSeesEachRequestsJudgementOnceMade() {
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "留保判断API");
    JsonNode before = get("provider1", "/api/applications/" + no).getBody();
    assertThat(before.get("withheldItems")).singleElement().satisfies(w -> {
      assertThat(w.get("itemId").asText()).isEqualTo("B-09");
      assertThat(w.get("reason").asText()).isEqualTo("非上場のため売上高は公表を控えたい");
      // Not judged yet: the API leaves absent values out.
      assertThat(w.path("judgement").isMissingNode() || w.path("judgement").isNull()).isTrue();
      assertThat(w.path("rejectionReason").isMissingNode() || w.path("rejectionReason").isNull()).isTrue();
    });

    runJobs(no);
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId(),
        Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    assertThat(postJson("staff1", "/api/applications/" + no + "/payments", Map.of("amount", 100000,
        "paidOn", LocalDate.now(BusinessCalendar.ZONE).toString(), "reference", "PAY-" + no))
        .getStatusCode().value()).isEqualTo(201);
    runJobs(no);
    String review = taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_ReviewApplication").singleResult().getId();
    Map<String, Object> variables = Map.of(
        ApplicationProcess.REVIEW_RESULT, Map.of("value", "CONFORMING"),
        ApplicationProcess.REVIEW_FINDINGS, Map.of("value", "適合"),
        ApplicationProcess.ALL_CONFORMING, Map.of("value", true));
    ResponseEntity<JsonNode> refused = postJson("reviewer1", "/engine-rest/task/" + review + "/submit-form",
        Map.of("variables", variables));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).isEqualTo(
        "項目「B-09」の公表の留保の申出は、受理するならチェックし、却下するなら「B-09: 理由」の形で却下の理由を記入してください（第11条第2項）。");

    Map<String, Object> judged = new HashMap<>(variables);
    judged.put(ApplicationProcess.WITHHOLDING_ACCEPTED, Map.of("value", "[]", "type", "Json"));
    judged.put(ApplicationProcess.WITHHOLDING_REJECTIONS, Map.of("value", "B-09: 売上高は決算公告で公表済み"));
    assertThat(postJson("reviewer1", "/engine-rest/task/" + review + "/submit-form", Map.of("variables", judged))
        .getStatusCode().value()).isEqualTo(204);

    JsonNode after = get("provider1", "/api/applications/" + no).getBody();
    assertThat(after.get("withheldItems")).singleElement().satisfies(w -> {
      assertThat(w.get("itemId").asText()).isEqualTo("B-09");
      assertThat(w.get("judgement").asText()).isEqualTo("REJECTED");
      assertThat(w.get("rejectionReason").asText()).isEqualTo("売上高は決算公告で公表済み");
    });
  }
}

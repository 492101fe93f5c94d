package jp.iotcert.application;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without an application id (the default) the process makes no call, even with the API's address
 * set, and staff confirm the corporation by the 登記事項証明書 in 「申請書類を確認する」.
 */
class CorporateNumberCheckUnconfiguredProcessTest extends ProcessTestBase {

  /** Started here: the coverage listener loads the context before JUnit extensions run. */
  static final WireMockServer NTA = new WireMockServer(wireMockConfig().dynamicPort());

  static {
    NTA.start();
  }

  @DynamicPropertySource
  static void nta(DynamicPropertyRegistry registry) {
    registry.add("iotcert.corporate-number-check.base-url", NTA::baseUrl);
    registry.add("iotcert.corporate-number-check.application-id", () -> "");
  }

  @AfterAll
  static void stopStub() {
    NTA.stop();
  }

  @Test
  void noCallIsMadeAndStaffMustConfirmByTheRegistryCertificate() {
    clockAt(LocalDate.of(2026, 12, 1));
    String no = submitComplete(TestApplications.PROVIDER1_NUMBER, "照会なしクラウド").applicationNumber();
    runDueJobs(no);

    assertThat(instance(no, ApplicationProcess.KEY)).hasPassed("Task_RecordCorporationUnchecked")
        .hasNotPassed("Task_LookUpCorporateNumber").isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
    NTA.verify(0, anyRequestedFor(anyUrl()));
    String pid = instance(no, ApplicationProcess.KEY).getId();
    assertThat(runtimeService.getVariable(pid, ApplicationProcess.CORPORATE_NUMBER_CONFIRMED)).isEqualTo(false);
    assertThat((String) runtimeService.getVariable(pid, ApplicationProcess.CORPORATE_NUMBER_CHECK_TEXT))
        .contains("照会なし").contains("照会は設定されていません");
    assertThat(jdbc.sql("SELECT outcome FROM corporate_number_check WHERE application_number = ?").param(no)
        .query(String.class).single()).isEqualTo("NOT_CONFIGURED");

    String taskId = task(no, "Task_CheckCompleteness").getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("登記事項証明書で確認してチェック");
    // Incomplete documents (here another document): a supplement, whatever the tick says.
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, false,
        ApplicationProcess.CORPORATION_VERIFIED, true,
        ApplicationProcess.SUPPLEMENT_REQUEST, "3か月以内に発行された登記事項証明書を提出してください。"));
    assertThat(instance(no, ApplicationProcess.KEY)).isWaitingAt("Gateway_AwaitSupplement", "Task_AwaitFeePayment");

    // After the supplement the corporation is checked again, and confirmed again by staff.
    applicationService.supplement(no, new ApplicationService.SupplementRequest("新しい登記事項証明書を提出します。", null, null),
        TestApplications.registryCertificate(), List.of());
    runDueJobs(no);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM corporate_number_check WHERE application_number = ?").param(no)
        .query(Integer.class).single()).isEqualTo(2);
    String again = task(no, "Task_CheckCompleteness").getId();
    assertThat(taskService.getVariable(again, ApplicationProcess.CORPORATION_VERIFIED)).isNull();
    assertThatThrownBy(() -> taskService.complete(again, Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("登記事項証明書で確認してチェック");
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true,
        ApplicationProcess.CORPORATION_VERIFIED, true));
    assertThat(instance(no, ApplicationProcess.KEY)).isWaitingAt("Task_AwaitFeePayment");
  }
}

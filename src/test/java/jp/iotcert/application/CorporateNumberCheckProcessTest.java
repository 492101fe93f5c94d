package jp.iotcert.application;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 第4条第1項第2号: the corporate-number existence check of `certification-application`, through the
 * real model, Camunda Connect's http-connector and the interceptor, against a WireMock stub that
 * answers like the NTA's Web-API version 4 (XML, type 12): found, not found, closed, another name,
 * an error status and no answer in time. Whatever the answer, the process goes on to 「申請書類を確認する」.
 */
class CorporateNumberCheckProcessTest extends ProcessTestBase {

  static final String APPLICATION_ID = "NtaTestId4242";

  /**
   * Started here rather than by WireMock's JUnit extension: the coverage listener loads the Spring
   * context (which reads the stub's address) before any extension's beforeAll runs.
   */
  static final WireMockServer NTA = new WireMockServer(wireMockConfig().dynamicPort());

  static {
    NTA.start();
  }

  @AfterAll
  static void stopStub() {
    NTA.stop();
  }

  @BeforeEach
  void resetStub() {
    NTA.resetAll();
  }

  @DynamicPropertySource
  static void nta(DynamicPropertyRegistry registry) {
    registry.add("iotcert.corporate-number-check.base-url", NTA::baseUrl);
    registry.add("iotcert.corporate-number-check.application-id", () -> APPLICATION_ID);
    registry.add("iotcert.corporate-number-check.connect-timeout", () -> "PT2S");
    // Long enough for the stub's first answer on a busy machine, far below the delayed answer's 8 s.
    registry.add("iotcert.corporate-number-check.read-timeout", () -> "PT3S");
  }

  @Test
  void aMatchingRecordConfirmsTheApplicantAndStaffNeedNoTick() {
    answer(200, corporation("株式会社テスト", "東京都", "千代田区", "丸の内１丁目１－１", null, null));
    String no = submitted();

    assertThat(instance(no, ApplicationProcess.KEY)).hasPassed("Task_LookUpCorporateNumber", "Task_CompareCorporation")
        .hasNotPassed("Task_RecordCorporationUnchecked").isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
    assertThat(runtimeService.getVariable(pid(no), ApplicationProcess.CORPORATE_NUMBER_CONFIRMED)).isEqualTo(true);
    assertThat(text(no)).contains("確認済み").contains("株式会社テスト").contains("東京都千代田区丸の内１丁目１－１");
    assertThat(stored(no, "outcome")).isEqualTo("CONFIRMED");

    // The request the NTA sees: version 4, the number, XML, no history, and the application id.
    NTA.verify(1, getRequestedFor(urlPathEqualTo("/4/num"))
        .withQueryParam("id", equalTo(APPLICATION_ID))
        .withQueryParam("number", equalTo(TestApplications.PROVIDER1_NUMBER))
        .withQueryParam("type", equalTo("12"))
        .withQueryParam("history", equalTo("0")));

    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true));
    assertThat(instance(no, ApplicationProcess.KEY)).isWaitingAt("Task_AwaitFeePayment");
    assertIdNowhereInTheProcessData(no);
  }

  @Test
  void aNumberTheNtaDoesNotKnowGoesToStaffWhoMustConfirmByTheRegistryCertificate() {
    answer(200, """
        <?xml version="1.0" encoding="UTF-8"?>
        <corporations><lastUpdateDate>2026-11-27</lastUpdateDate><count>0</count><divideNumber>1</divideNumber>\
        <divideSize>1</divideSize></corporations>""");
    String no = submitted();

    assertThat(runtimeService.getVariable(pid(no), ApplicationProcess.CORPORATE_NUMBER_CONFIRMED)).isEqualTo(false);
    assertThat(text(no)).contains("確認できず").contains("法人番号が見つかりません").contains("登記事項証明書で法人の実在");
    assertThat(stored(no, "outcome")).isEqualTo("NOT_CONFIRMED");

    String taskId = task(no, "Task_CheckCompleteness").getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("登記事項証明書で確認してチェック");
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true,
        ApplicationProcess.CORPORATION_VERIFIED, true));
    assertThat(instance(no, ApplicationProcess.KEY)).isWaitingAt("Task_AwaitFeePayment");
    assertThat(stored(no, "verified_by")).isNotNull();
    assertIdNowhereInTheProcessData(no);
  }

  @Test
  void aClosedCorporationIsReportedWithItsClosingDateAndCause() {
    answer(200, corporation("株式会社テスト", "東京都", "千代田区", "丸の内１丁目１－１", "2024-03-31", "11"));
    String no = submitted();
    assertThat(runtimeService.getVariable(pid(no), ApplicationProcess.CORPORATE_NUMBER_CONFIRMED)).isEqualTo(false);
    assertThat(stored(no, "reasons")).isEqualTo("閉鎖されています（閉鎖日 2024年3月31日、合併による解散等）");
    assertThat(text(no)).contains("閉鎖されています");
    assertThat(stored(no, "nta_close_date")).isEqualTo("2024-03-31");
  }

  @Test
  void anotherNameIsReportedWithBothNames() {
    answer(200, corporation("株式会社ベツメイ", "東京都", "千代田区", "丸の内１丁目１－１", null, null));
    String no = submitted();
    assertThat(runtimeService.getVariable(pid(no), ApplicationProcess.CORPORATE_NUMBER_CONFIRMED)).isEqualTo(false);
    assertThat(stored(no, "reasons")).isEqualTo("名称が一致しません（国税庁: 株式会社ベツメイ　申請: 株式会社テスト）");
    assertThat(text(no)).contains("名称が一致しません").contains("株式会社ベツメイ").doesNotContain("所在地が一致しません");
  }

  @Test
  void anErrorStatusGoesToStaffWithoutAnIncident() {
    NTA.stubFor(get(urlPathEqualTo("/4/num")).willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
    String no = submitted();
    assertThat(instance(no, ApplicationProcess.KEY)).isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
    assertThat(text(no)).contains("照会できず").contains("照会できませんでした（国税庁の応答 HTTP 503）");
    assertThat(stored(no, "outcome")).isEqualTo("UNAVAILABLE");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pid(no)).count()).isZero();
  }

  @Test
  void noAnswerWithinTheReadTimeoutGoesToStaffThroughTheBoundaryEvent() {
    NTA.stubFor(get(urlPathEqualTo("/4/num")).willReturn(aResponse().withStatus(200).withFixedDelay(8000)
        .withBody(corporation("株式会社テスト", "東京都", "千代田区", "丸の内１丁目１－１", null, null))));
    String no = submitted();
    ProcessInstance pi = instance(no, ApplicationProcess.KEY);
    assertThat(pi).hasPassed("Event_LookupFailed", "Task_RecordCorporationUnchecked").hasNotPassed("Task_CompareCorporation")
        .isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
    assertThat(text(no)).contains("照会できませんでした（国税庁のWeb-APIが時間内に応答しません）");
    assertThat(stored(no, "outcome")).isEqualTo("UNAVAILABLE");
    assertThat(runtimeService.getVariable(pid(no), ApplicationProcess.LOOKUP_ERROR)).as("removed once recorded").isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pid(no)).count()).isZero();
    assertIdNowhereInTheProcessData(no);
  }

  @Test
  void aBrokenConnectionGoesToStaffThroughTheBoundaryEvent() {
    NTA.stubFor(get(urlPathEqualTo("/4/num")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    String no = submitted();
    assertThat(instance(no, ApplicationProcess.KEY)).hasPassed("Event_LookupFailed")
        .isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
    assertThat(stored(no, "reasons")).startsWith("照会できませんでした（国税庁のWeb-APIに接続できません");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pid(no)).count()).isZero();
  }

  // ---------------------------------------------------------------------------------------------

  private String submitted() {
    clockAt(LocalDate.of(2026, 12, 1));
    String no = submitComplete(TestApplications.PROVIDER1_NUMBER, "法人確認クラウド").applicationNumber();
    runDueJobs(no);
    return no;
  }

  private String pid(String no) {
    return instance(no, ApplicationProcess.KEY).getId();
  }

  private String text(String no) {
    return (String) runtimeService.getVariable(pid(no), ApplicationProcess.CORPORATE_NUMBER_CHECK_TEXT);
  }

  private String stored(String no, String column) {
    return jdbc.sql("SELECT " + column + " FROM corporate_number_check WHERE application_number = ? ORDER BY id DESC")
        .param(no).query((rs, row) -> rs.getString(1)).list().get(0);
  }

  /** The application id is a credential: not in any variable, nor in any recorded value of one. */
  private void assertIdNowhereInTheProcessData(String no) {
    String pid = pid(no);
    List<String> values = new ArrayList<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().processInstanceId(pid)
        .disableCustomObjectDeserialization().list()) {
      values.add(v.getName() + "=" + v.getTypedValue());
    }
    for (HistoricDetail d : historyService.createHistoricDetailQuery().processInstanceId(pid).variableUpdates()
        .disableCustomObjectDeserialization().list()) {
      HistoricVariableUpdate u = (HistoricVariableUpdate) d;
      values.add(u.getVariableName() + "=" + u.getTypedValue());
    }
    assertThat(values).as("recorded variables").isNotEmpty()
        .anySatisfy(v -> assertThat(v).startsWith(ApplicationProcess.CORPORATE_NUMBER_CHECK_TEXT))
        .noneMatch(v -> v.contains(APPLICATION_ID))
        // The connector's inputs stay in the connector's own scope: no process variable, no history.
        .noneMatch(v -> v.startsWith(ApplicationProcess.CONNECTOR_URL + "="));
    assertThat(String.join("\n", values)).doesNotContain(APPLICATION_ID);
  }

  private static void answer(int status, String body) {
    NTA.stubFor(get(urlPathEqualTo("/4/num")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/xml; charset=UTF-8").withBody(body)));
  }

  /** One corporation as the API's XML answer (type 12) has it, with the fields of version 4. */
  static String corporation(String name, String prefecture, String city, String street, String closeDate,
      String closeCause) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <corporations>
        <lastUpdateDate>2026-11-27</lastUpdateDate><count>1</count><divideNumber>1</divideNumber><divideSize>1</divideSize>
        <corporation>
        <sequenceNumber>1</sequenceNumber><corporateNumber>%s</corporateNumber><process>01</process><correct>0</correct>
        <updateDate>2018-04-02</updateDate><changeDate>2015-10-05</changeDate><name>%s</name><nameImageId/>
        <kind>301</kind><prefectureName>%s</prefectureName><cityName>%s</cityName><streetNumber>%s</streetNumber>
        <addressImageId/><prefectureCode>13</prefectureCode><cityCode>101</cityCode><postCode>1000005</postCode>
        <addressOutside/><addressOutsideImageId/><closeDate>%s</closeDate><closeCause>%s</closeCause>
        <successorCorporateNumber/><changeCause/><assignmentDate>2015-10-05</assignmentDate><latest>1</latest>
        <enName/><enPrefectureName>Tokyo</enPrefectureName><enCityName>Chiyoda ku</enCityName><enAddressOutside/>
        <furigana>テスト</furigana><hihyoji>0</hihyoji>
        </corporation>
        </corporations>""".formatted(TestApplications.PROVIDER1_NUMBER, name, prefecture, city, street,
        closeDate == null ? "" : closeDate, closeCause == null ? "" : closeCause);
  }
}

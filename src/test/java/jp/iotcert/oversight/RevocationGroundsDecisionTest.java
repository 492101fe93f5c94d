package jp.iotcert.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN `revocation-grounds` (第17条1): one test per ground, several at once, none. */
class RevocationGroundsDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("dmn/revocation-grounds.dmn")) {
      decision = engine.parseDecision("revocation-grounds", in);
    }
  }

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource({
      "criteriaNotMet, CRITERIA_NOT_MET, 第17条第1項第1号",
      "fraudulentCertification, FRAUD, 第17条第1項第2号",
      "markMisuse, MARK_MISUSE, 第17条第1項第3号",
      "notificationNeglected, NOTIFICATION_NEGLECTED, 第17条第1項第4号",
      "emergencyReportNeglected, EMERGENCY_REPORT_NEGLECTED, 第17条第1項第5号",
      "investigationRefusedOrFalse, INVESTIGATION_REFUSED, 第17条第1項第6号",
      "improvementIgnored, IMPROVEMENT_IGNORED, 第17条第1項第7号",
      "unlawfulAct, UNLAWFUL_ACT, 第17条第1項第8号",
      "successionDoubt, SUCCESSION_DOUBT, 第17条第1項第9号"})
  void eachFactItsGround(String fact, String ground, String article) {
    List<Map<String, Object>> result = evaluate(facts(fact));
    assertThat(result).singleElement().satisfies(r -> {
      assertThat(r.get("ground")).isEqualTo(ground);
      assertThat(r.get("article")).isEqualTo(article);
      assertThat((String) r.get("text")).isNotBlank();
    });
  }

  @Test
  void severalGroundsAtOnce() {
    assertThat(evaluate(facts("markMisuse", "improvementIgnored", "unlawfulAct")))
        .extracting(r -> r.get("ground")).containsExactlyInAnyOrder("MARK_MISUSE", "IMPROVEMENT_IGNORED", "UNLAWFUL_ACT");
  }

  @Test
  void noFactNoGround() {
    assertThat(evaluate(facts())).isEmpty();
  }

  private static List<Map<String, Object>> evaluate(Map<String, Object> variables) {
    return engine.evaluateDecisionTable(decision, variables).getResultList();
  }

  private static Map<String, Object> facts(String... found) {
    Map<String, Object> variables = new RevocationFacts(false, false, false, false, false, false, false, false, false)
        .asVariables();
    for (String fact : found) {
      variables.put(fact, true);
    }
    return variables;
  }
}

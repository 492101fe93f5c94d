package jp.iotcert.certification;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The DMN table `certification-lapse` as the body maintains it in dmn/: one case per rule. */
class CertificationLapseDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("dmn/certification-lapse.dmn")) {
      decision = engine.parseDecision("certification-lapse", in);
    }
  }

  @ParameterizedTest(name = "{0} (passes business: {1}) -> {2}")
  @CsvSource({
      "BUSINESS_TRANSFER, false, LAPSE",   // 第9条2 事業の譲渡
      "MERGER, false, LAPSE",              // 第9条2 合併
      "INHERITANCE, false, LAPSE",         // 第9条2 相続
      "SPLIT, true, LAPSE",                // 第9条2 分割（承継させるもの）
      "SPLIT, false, REVIEW",              // 承継させない分割は失効しない
      "TERMINATION, false, TERMINATE",     // 第13条2
      "CRITERIA_CHANGE, false, CHANGE",    // 第13条1(1)
      "DOCUMENT_CHANGE, false, CHANGE",    // 第13条1(2)
      "EMERGENCY, false, EMERGENCY"})      // 第14条
  void eachRule(String kind, boolean passes, String outcome) {
    var result = engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("kind", kind).putValue("passesCertifiedBusiness", passes));
    assertThat(result.getSingleResult().<String>getSingleEntry()).isEqualTo(outcome);
  }

  @Test
  void everyRuleNamesItsArticle() throws Exception {
    var model = Dmn.readModelFromFile(new File("dmn/certification-lapse.dmn"));
    var rules = model.getModelElementsByType(Rule.class);
    assertThat(rules).hasSize(8).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("条"));
  }
}

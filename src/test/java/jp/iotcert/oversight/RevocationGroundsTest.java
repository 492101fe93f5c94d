package jp.iotcert.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grounds the DMN table found, as the manager and the provider read them. */
class RevocationGroundsTest {

  private static final List<Map<String, Object>> RESULT = List.of(
      Map.of(RevocationProcess.GROUND_OUTPUT_GROUND, "MARK_MISUSE", RevocationProcess.GROUND_OUTPUT_ARTICLE, "第17条第1項第3号",
          RevocationProcess.GROUND_OUTPUT_TEXT, "認定マークの使用違反"),
      Map.of(RevocationProcess.GROUND_OUTPUT_GROUND, "IMPROVEMENT_IGNORED", RevocationProcess.GROUND_OUTPUT_ARTICLE,
          "第17条第1項第7号", RevocationProcess.GROUND_OUTPUT_TEXT, "改善の要請に従わない"));

  @Test
  void theGroundsOfTheResultList() {
    RevocationGrounds grounds = RevocationGrounds.of(RESULT);
    assertThat(grounds.count()).isEqualTo(2);
    assertThat(grounds.articles()).containsExactly("第17条第1項第3号", "第17条第1項第7号");
    assertThat(grounds.summary()).contains("- **第17条第1項第3号** 認定マークの使用違反\n");
    assertThat(grounds.described()).isEqualTo("第17条第1項第3号（認定マークの使用違反）、第17条第1項第7号（改善の要請に従わない）");
  }

  @Test
  void noListMeansNoGround() {
    RevocationGrounds none = RevocationGrounds.of(null);
    assertThat(none.count()).isZero();
    assertThat(none.summary()).contains("該当する取消事由はありません");
  }
}

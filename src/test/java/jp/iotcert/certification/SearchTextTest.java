package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void theSearchFormHoldsEveryCoveredFieldNormalizedAndSeparated() {
    String text = SearchText.of("IoT 0012-2612", "ＩｏＴ見守りｸﾗｳﾄﾞ", "株式会社ＡＢＣ", "7000012050002", "温度を収集する");
    assertThat(text.split(SearchText.SEPARATOR)).containsExactly("iot 0012-2612", "iot見守りクラウド", "株式会社abc",
        "7000012050002", "温度を収集する");
    // A missing description is an empty field, not the word "null".
    assertThat(SearchText.of("IoT 0012-2612", "a", "b", "7000012050002", null)).endsWith(SearchText.SEPARATOR);
  }

  @Test
  void normalizationFoldsWidthAndCase() {
    assertThat(SearchText.normalize("ＩｏＴ ｶﾀｶﾅ ＡＢＣ")).isEqualTo("iot カタカナ abc");
    assertThat(SearchText.normalize(null)).isEmpty();
  }
}

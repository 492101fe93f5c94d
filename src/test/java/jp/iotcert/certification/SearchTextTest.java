package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void theSearchFormHoldsEveryCoveredFieldNormalizedAndSeparated() {
    String text = SearchText.of("IoT 0012-2612", "ＩｏＴ見守りｸﾗｳﾄﾞ", "株式会社ＡＢＣ", "7000012050002", "温度を収集する");
    assertThat(text.split(SearchText.SEPARATOR)).containsExactly("iot 0012-2612", "iot見守りクラウド", "株式会社abc",
        "7000012050002", "温度を収集する");
    // A missing summary is an empty field, not the word "null".
    assertThat(SearchText.of("IoT 0012-2612", "a", "b", "7000012050002", null)).endsWith(SearchText.SEPARATOR);
  }

  /** The description searched is the published summary item, never the unpublished application text. */
  @Test
  void theDescriptionSearchedIsThePublishedSummaryItemUnlessItIsWithheld() {
    String disclosure = "[{\"itemId\":\"B-01\",\"value\":\"2026-11-01\"},{\"itemId\":\"B-16\",\"value\":\"温度を収集する\"}]";
    Certification c = certification(disclosure, "[]");
    assertThat(SearchText.of(c).split(SearchText.SEPARATOR)).containsExactly("iot 0012-2612", "見守り", "株式会社abc",
        "7000012050002", "温度を収集する");
    assertThat(SearchText.of(c)).doesNotContain("申請書だけの説明");
    // Withheld (第11条2): not searched either.
    assertThat(SearchText.of(certification(disclosure, "[{\"itemId\":\"B-16\",\"reason\":\"秘密\"}]")))
        .endsWith(SearchText.SEPARATOR).doesNotContain("温度");
  }

  private static Certification certification(String disclosureJson, String withheldJson) {
    return new Certification("IoT 0012-2612", 12, "7000012050002", "株式会社ＡＢＣ", "見守り", "申請書だけの説明",
        "https://x.example", CertificationStatus.VALID, null, null, null, null, disclosureJson, withheldJson, null, null,
        null);
  }

  @Test
  void normalizationFoldsWidthAndCase() {
    assertThat(SearchText.normalize("ＩｏＴ ｶﾀｶﾅ ＡＢＣ")).isEqualTo("iot カタカナ abc");
    assertThat(SearchText.normalize(null)).isEmpty();
  }
}

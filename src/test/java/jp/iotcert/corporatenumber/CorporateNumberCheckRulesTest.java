package jp.iotcert.corporatenumber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.iotcert.corporatenumber.CorporateNumberCheckRules.Outcome;
import org.junit.jupiter.api.Test;

class CorporateNumberCheckRulesTest {

  private final CorporateNumberCheckRules rules = new CorporateNumberCheckRules();

  private static NtaAnswer found(String name, String pref, String city, String street, LocalDate closed, String cause) {
    return new NtaAnswer(200, true, true, name, pref, city, street, null, closed, cause);
  }

  private static final NtaAnswer TEST = found("株式会社テスト", "東京都", "千代田区", "丸の内１丁目１－１", null, null);

  @Test
  void confirmsWhenNameAndAddressMatchInAnyNotation() {
    assertThat(rules.compare(TEST, "株式会社テスト", "東京都千代田区丸の内1-1-1").outcome()).isEqualTo(Outcome.CONFIRMED);
    assertThat(rules.compare(TEST, "㈱テスト", "〒100-0005 東京都 千代田区 丸の内一丁目".replace("一丁目", "1丁目1番1号"))
        .reasons()).isEmpty();
    assertThat(rules.compare(TEST, "（株）テスト", "千代田区丸の内1丁目1番地1").confirmed()).isTrue();
    assertThat(rules.compare(TEST, "株式会社　テスト", "東京都千代田区丸の内１－１－１　テストビル５階").confirmed()).isTrue();
    assertThat(rules.compare(found("ＡＢＣ株式会社", "大阪府", "大阪市北区", "梅田３丁目１－３", null, null), "abc株式会社",
        "大阪府大阪市北区梅田3-1-3").confirmed()).isTrue();
  }

  @Test
  void aDifferentNameOrAddressIsNotConfirmed() {
    var result = rules.compare(TEST, "テスト合同会社", "東京都港区芝公園1-1-1");
    assertThat(result.outcome()).isEqualTo(Outcome.NOT_CONFIRMED);
    assertThat(result.reasons()).containsExactly(
        "名称が一致しません（国税庁: 株式会社テスト　申請: テスト合同会社）",
        "所在地が一致しません（国税庁: 東京都千代田区丸の内１丁目１－１　申請: 東京都港区芝公園1-1-1）");
    // Another prefecture before the same city and street is another address.
    assertThat(rules.compare(TEST, "株式会社テスト", "北海道千代田区丸の内1-1-1").confirmed()).isFalse();
    // Kanji numerals are not converted: staff compare them.
    assertThat(rules.compare(TEST, "株式会社テスト", "東京都千代田区丸の内一丁目1-1").confirmed()).isFalse();
  }

  @Test
  void closedNotFoundAndUnreadableAnswersAreNotConfirmed() {
    var closed = rules.compare(found("株式会社テスト", "東京都", "千代田区", "丸の内１丁目１－１", LocalDate.of(2024, 3, 31), "01"),
        "株式会社テスト", "東京都千代田区丸の内1-1-1");
    assertThat(closed.outcome()).isEqualTo(Outcome.NOT_CONFIRMED);
    assertThat(closed.reasons()).containsExactly("閉鎖されています（閉鎖日 2024年3月31日、清算の結了等）");

    var notFound = rules.compare(new NtaAnswer(200, true, false, null, null, null, null, null, null, null), "株式会社テスト", "x");
    assertThat(notFound.reasons()).containsExactly("法人番号が見つかりません");

    assertThat(rules.compare(NtaAnswer.unreadable(500), "株式会社テスト", "x").reasons())
        .containsExactly("照会できませんでした（国税庁の応答 HTTP 500）");
    assertThat(rules.compare(NtaAnswer.unreadable(200), "株式会社テスト", "x").outcome()).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(rules.notConfigured().outcome()).isEqualTo(Outcome.NOT_CONFIGURED);
  }

  @Test
  void anAddressAbroadIsComparedAsAWhole() {
    NtaAnswer abroad = new NtaAnswer(200, true, true, "Example Inc.", null, null, null, "アメリカ合衆国カリフォルニア州", null, null);
    assertThat(rules.compare(abroad, "EXAMPLE INC.", "アメリカ合衆国カリフォルニア州").confirmed()).isTrue();
    assertThat(rules.compare(abroad, "Example Inc.", "東京都千代田区").confirmed()).isFalse();
  }
}

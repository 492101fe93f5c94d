package jp.iotcert.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void longPassphrasesOfAnyCharactersPassWithoutCompositionRules() {
    assertThat(policy.violation("correct horse battery staple", "tanaka", "tanaka@example.co.jp")).isEmpty();
    assertThat(policy.violation("すもももももももものうちに庭の木", "tanaka", "tanaka@example.co.jp")).isEmpty();
    // Lower case letters only, no digit, no symbol: accepted when long and not guessable.
    assertThat(policy.violation("violetlanternsdriftnorth", "tanaka", "tanaka@example.co.jp")).isEmpty();
  }

  @Test
  void theLengthIsAtLeastTwelveAndAtMost128Characters() {
    assertThat(policy.violation("Xq7#vLp2$Rt", "tanaka", "t@example.co.jp")).get().asString().contains("12文字以上");
    assertThat(policy.violation("Xq7#vLp2$Rt9", "tanaka", "t@example.co.jp")).isEmpty();
    // Counted in characters, not bytes or UTF-16 units: 12 kanji are enough, 11 emoji are not.
    assertThat(policy.violation("🐱".repeat(11), "tanaka", "t@example.co.jp")).get().asString().contains("12文字以上");
    assertThat(policy.violation("a".repeat(64) + "Zq9!".repeat(16) + "b", "tanaka", "t@example.co.jp"))
        .get().asString().contains("128文字以内");
    assertThat(policy.violation("", "tanaka", "t@example.co.jp")).isPresent();
    assertThat(policy.violation(null, "tanaka", "t@example.co.jp")).isPresent();
  }

  @Test
  void commonAndBreachedPasswordsAreRefusedWhateverTheirLength() {
    for (String common : new String[] {"password1234", "123456789012", "qwertyuiopasdf", "iloveyou1234", "aaaaaaaaaaaaaaaa",
        "passwordpassword"}) {
      assertThat(policy.violation(common, "tanaka", "t@example.co.jp")).as(common).get().asString().contains("推測されやすい");
    }
  }

  @Test
  void thePasswordMayNotContainTheUserIdOrTheEmailOrTheCompanysWords() {
    assertThat(policy.violation("suzukihanako-2026!", "suzukihanako", "s@example.co.jp")).get().asString()
        .contains("ユーザーID");
    assertThat(policy.violation("xx-hanako@example.co.jp", "suzuki", "hanako@example.co.jp")).get().asString()
        .contains("メールアドレス");
    // The company name or the person's name as the whole password: the first guesses of an attacker.
    assertThat(policy.violation("iotcloudservice", "suzuki", "s@example.co.jp", "iotcloudservice", "taro")).isPresent();
    assertThat(policy.violation("iotcloudservice", "suzuki", "s@example.co.jp")).as("without the hint").isEmpty();
  }

  @Test
  void controlCharactersAreRefused() {
    assertThat(policy.violation("correct horse\u0000battery", "tanaka", "t@example.co.jp")).get().asString().contains("制御文字");
  }
}

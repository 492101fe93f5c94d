package jp.iotcert.account;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import jp.iotcert.common.TextRules;
import org.springframework.stereotype.Component;

/**
 * The one password rule of the portal (registration, invitation, change and reset), after NIST SP
 * 800-63B: length over composition. At least {@value #MIN_LENGTH} characters and at most
 * {@value #MAX_LENGTH}, any characters (spaces and Japanese included), no rule on character classes;
 * refused when it is one of the common or breached passwords zxcvbn bundles or is otherwise easy to
 * guess (zxcvbn's estimate below {@value #MIN_SCORE}, with the account's own words as hints), or when it
 * contains the user id or the e-mail address.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  /** zxcvbn's score 3: about 10^8 guesses or more ("safely unguessable" for an online attack). */
  static final int MIN_SCORE = 3;

  private final Zxcvbn zxcvbn = new Zxcvbn();

  /**
   * The Japanese reason the password is refused, or empty when it is acceptable.
   *
   * @param hints the account's own words (user id, e-mail, names), which a guesser tries first
   */
  public Optional<String> violation(String password, String userId, String email, String... hints) {
    if (password == null || password.isEmpty()) {
      return Optional.of("パスワードを入力してください。");
    }
    if (TextRules.violation(password, TextRules.Lines.FORBIDDEN) != null) {
      return Optional.of("パスワードに使えない文字（制御文字など）が含まれています。");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("パスワードは" + MIN_LENGTH + "文字以上にしてください（現在" + length + "文字）。"
          + "覚えやすい長めの文を使うことをお勧めします。");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("パスワードは" + MAX_LENGTH + "文字以内にしてください。");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    for (String own : List.of(nonNull(userId), nonNull(email))) {
      if (own.length() >= 3 && lower.contains(own.toLowerCase(Locale.ROOT))) {
        return Optional.of("ユーザーIDやメールアドレスを含むパスワードは使えません。");
      }
    }
    List<String> inputs = new ArrayList<>();
    inputs.add(nonNull(userId));
    inputs.add(nonNull(email));
    for (String hint : hints) {
      inputs.add(nonNull(hint));
    }
    inputs.removeIf(String::isBlank);
    Strength strength = zxcvbn.measure(password, inputs);
    if (strength.getScore() < MIN_SCORE) {
      return Optional.of("このパスワードは、よく使われているか流出したパスワードに含まれる、又は推測されやすいため使えません。"
          + "単語をいくつか組み合わせた長めのパスワードにしてください。");
    }
    return Optional.empty();
  }

  private static String nonNull(String value) {
    return Objects.requireNonNullElse(value, "");
  }
}

package jp.iotcert.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextRulesTest {

  @Test
  void acceptsJapaneseTextSupplementaryCharactersAndLineBreaksWhereAllowed() {
    assertThat(TextRules.violation("株式会社𠮷野家\tIoT\r\n監視", TextRules.Lines.ALLOWED)).isNull();
    assertThat(TextRules.violation("<script>'; DROP TABLE x; --", TextRules.Lines.FORBIDDEN)).isNull();
  }

  @Test
  void refusesNulControlsLoneSurrogatesAndBidiControls() {
    assertThat(TextRules.violation("a\u0000b", TextRules.Lines.ALLOWED)).contains("NUL");
    assertThat(TextRules.violation("a\nb", TextRules.Lines.FORBIDDEN)).contains("U+000A");
    assertThat(TextRules.violation("a\u0085b", TextRules.Lines.ALLOWED)).contains("U+0085");
    assertThat(TextRules.violation("a\ud800b", TextRules.Lines.ALLOWED)).contains("サロゲート");
    assertThat(TextRules.violation("a\udc00", TextRules.Lines.ALLOWED)).contains("サロゲート");
    assertThat(TextRules.violation("invoice\u202Efdp.exe", TextRules.Lines.ALLOWED)).contains("U+202E");
    assertThat(TextRules.violation("x\u2066y", TextRules.Lines.ALLOWED)).contains("U+2066");
  }

  @Test
  void sanitizeKeepsOnlyWhatTheRulesAllow() {
    assertThat(TextRules.sanitize("登記\u202Efdp.exe\u0007\ud800𠮷")).isEqualTo("登記fdp.exe𠮷");
  }

  @Test
  void datesStayInsideTheirWindows() {
    LocalDate today = LocalDate.of(2026, 11, 30);
    assertThat(DateRules.pastEvent(LocalDate.of(1, 1, 1), today)).contains("2000-01-01");
    assertThat(DateRules.pastEvent(LocalDate.of(2000, 1, 1), today)).isNull();
    assertThat(DateRules.pastEvent(today, today)).isNull();
    assertThat(DateRules.pastEvent(today.plusDays(1), today)).isNotNull();
    assertThat(DateRules.plannedEvent(today.plusYears(1), today)).isNull();
    assertThat(DateRules.plannedEvent(LocalDate.of(10000, 1, 1), today)).isNotNull();
    assertThat(DateRules.deadline(today, today)).isEqualTo("明日以降の日付です");
    assertThat(DateRules.deadline(today.plusYears(2), today)).isNull();
    assertThat(DateRules.deadline(today.plusYears(2).plusDays(1), today)).isNotNull();
  }
}

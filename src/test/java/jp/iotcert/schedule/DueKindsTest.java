package jp.iotcert.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DueKindsTest {

  @Test
  void knownTimersHaveTheirJapaneseKind() {
    assertThat(DueKinds.ofTimer("Timer_ValidityEnds", "有効期間満了")).isEqualTo("有効期間満了");
    assertThat(DueKinds.ofTimer("Timer_RenewalWindowOpens", "更新受付開始日")).isEqualTo("更新受付開始");
    assertThat(DueKinds.ofTimer("Timer_RenewalWindowCloses", "更新受付終了")).isEqualTo("更新受付終了");
    assertThat(DueKinds.ofTimer("Timer_FeeDeadline", "納付期限経過")).isEqualTo("手数料の納付期限");
    assertThat(DueKinds.ofTimer("Timer_SupplementDeadline", "補正期限経過")).isEqualTo("補正期限");
    assertThat(DueKinds.ofTimer("Timer_ReportOverdue", "報告期限経過")).isEqualTo("報告期限");
    assertThat(DueKinds.ofTimer("Timer_ExplanationDeadline", "提出期限経過")).isEqualTo("提出期限");
  }

  @Test
  void anUnknownTimerIsListedUnderItsNameNeverItsId() {
    assertThat(DueKinds.ofTimer("Timer_New", " 新しい期日 ")).isEqualTo("新しい期日");
    assertThat(DueKinds.ofTimer("Timer_New", null)).isEqualTo("期日");
    assertThat(DueKinds.ofTimer(null, "")).isEqualTo("期日");
  }

  /** Every timer of the models has its own kind, so a renamed or added timer cannot go unnoticed. */
  @Test
  void everyTimerOfTheModelsIsKnown() throws IOException {
    Pattern timer = Pattern.compile("<bpmn:(?:intermediateCatchEvent|boundaryEvent) id=\"(Timer_[A-Za-z]+)\"");
    int timers = 0;
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.toList()) {
        Matcher m = timer.matcher(Files.readString(model));
        while (m.find()) {
          assertThat(DueKinds.ofTimer(m.group(1), null)).as("kind of %s in %s", m.group(1), model).isNotEqualTo("期日");
          timers++;
        }
      }
    }
    assertThat(timers).isGreaterThanOrEqualTo(12);
  }
}

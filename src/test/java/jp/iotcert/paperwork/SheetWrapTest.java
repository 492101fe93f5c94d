package jp.iotcert.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrapping by character: every line fits the width, and none could have taken the next character. */
class SheetWrapTest {

  @Test
  void linesAreAsLongAsTheWidthAllowsAndNoLonger() {
    String text = "申請番号 A-2026-000001 のサービス「スマート工場監視クラウド（IoT Cloud Monitor）」について、"
        + "審査の結果、認定を実施しないこととしました。理由: 開示項目 B-21 の内容が基準を満たしていません。".repeat(3);
    try (Sheet sheet = new Sheet(new DocumentFont(CertificatePdfTest.FONT), "t", LocalDate.of(2026, 11, 30), "t")) {
      float max = 300;
      List<String> lines = sheet.wrap(text, 10.5f, max);
      assertThat(String.join("", lines)).isEqualTo(text);
      assertThat(lines).hasSizeGreaterThan(3);
      for (int i = 0; i < lines.size(); i++) {
        assertThat(sheet.width(lines.get(i), 10.5f)).isLessThanOrEqualTo(max);
        if (i + 1 < lines.size()) {
          String longer = lines.get(i) + lines.get(i + 1).substring(0, Character.charCount(lines.get(i + 1).codePointAt(0)));
          assertThat(sheet.width(longer, 10.5f)).isGreaterThan(max);
        }
      }
    }
  }
}

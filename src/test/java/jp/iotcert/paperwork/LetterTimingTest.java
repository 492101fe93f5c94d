package jp.iotcert.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The time one letter takes in the layout template (a timer storm renders thousands, docs/performance.md):
 * printed, not asserted, since it depends on the machine. The letters must still be whole.
 */
class LetterTimingTest {

  private static final String BODY = """
      株式会社テスト製作所 御中

      認定番号 C-2026-000001 のサービス「スマート工場監視クラウド」の認定の有効期間は 2026年12月31日 に満了します（第9条）。
      引き続き認定を受けるには、有効期間の満了の3か月前までに更新の申請をしてください（第13条）。

      認定機関 事務局
      """;

  @Test
  void printsTheTimePerLetter() throws Exception {
    NoticeLetterPdf letters = new NoticeLetterPdf(new DocumentFont(CertificatePdfTest.FONT));
    NoticeLetterPdf.Layout layout = letters.layout(NoticeLetterPdf.defaultLayout());
    LocalDate dated = LocalDate.of(2026, 11, 30);
    for (int i = 0; i < 30; i++) {
      letters.render(layout, "【更新のご案内】" + i, BODY, dated, "warm-" + i);
    }
    int n = 200;
    byte[] last = null;
    // CPU time as well as wall time: on a shared machine the wall time is mostly other processes' turn.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long startCpu = cpu.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      last = letters.render(layout, "【更新のご案内】スマート工場監視クラウド " + i, BODY, dated, "n-" + i);
    }
    double perLetter = (System.nanoTime() - start) / 1e6 / n;
    double cpuPerLetter = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6 / n;
    System.out.printf("LetterTimingTest: %.1f ms per letter, %.1f ms CPU (layout template, openhtmltopdf, one thread,"
        + " %d letters, %d bytes each)%n", perLetter, cpuPerLetter, n, last.length);
    try (PDDocument doc = Loader.loadPDF(last)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("スマート工場監視クラウド 199", "通知番号: n-199");
    }
  }
}

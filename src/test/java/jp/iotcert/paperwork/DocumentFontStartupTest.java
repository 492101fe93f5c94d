package jp.iotcert.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The font is checked when the application starts: a missing font stops it with the path and the remedy. */
class DocumentFontStartupTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withBean(DocumentFont.class)
      .withBean(CertificatePdf.class)
      .withBean(NoticeLetterPdf.class);

  @Test
  void startsWithTheConfiguredFont() {
    context.withPropertyValues("iotcert.documents.font=" + CertificatePdfTest.FONT)
        .run(c -> {
          assertThat(c).hasNotFailed();
          assertThat(c.getBean(DocumentFont.class).path()).isEqualTo(Path.of(CertificatePdfTest.FONT));
        });
  }

  @Test
  void aMissingFontStopsTheStartWithItsPathAndHowToInstallIt() {
    context.withPropertyValues("iotcert.documents.font=/nonexistent/fonts/ipaexg.ttf")
        .run(c -> {
          assertThat(c).hasFailed();
          assertThat(rootMessage(c.getStartupFailure()))
              .contains("/nonexistent/fonts/ipaexg.ttf", "iotcert.documents.font", "fonts-ipaexfont-gothic",
                  "日本語フォントが見つからない");
        });
  }

  @Test
  void aFileThatIsNoFontStopsTheStartToo(@TempDir Path dir) throws Exception {
    Path notAFont = Files.writeString(dir.resolve("ipaexg.ttf"), "not a font");
    context.withPropertyValues("iotcert.documents.font=" + notAFont)
        .run(c -> {
          assertThat(c).hasFailed();
          assertThat(rootMessage(c.getStartupFailure())).contains(notAFont.toString(), "TrueType");
        });
  }

  private static String rootMessage(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}

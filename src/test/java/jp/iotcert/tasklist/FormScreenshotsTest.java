package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/screenshots holds a picture of every form (issue 10): a form added to forms/ without its PNG
 * and its row in docs/screenshots/README.md fails the ordinary build, not only the browser run that
 * makes the pictures (FormGalleryBrowserIT, which is skipped where Chromium is missing). The other way
 * round too: a picture or a row of a form that no longer exists is stale documentation, and every
 * picture is linked from its form's row.
 */
class FormScreenshotsTest {

  private static final Path FORMS = Path.of("forms");
  private static final Path SCREENSHOTS = Path.of("docs", "screenshots");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /**
   * A row of the README's table: | `form-id` | task | user | [png](form-id.png) |, with any further
   * pictures of the form (a field shown only after a tick) linked after the first.
   */
  private static final Pattern ROW = Pattern.compile(
      "(?m)^\\| `([a-z0-9-]+)` \\|.*\\| \\[png\\]\\(([a-z0-9-]+)\\.png\\)((?:, \\[[^\\]]+\\]\\([a-z0-9-]+\\.png\\))*) \\|$");
  private static final Pattern LINK = Pattern.compile("\\(([a-z0-9-]+)\\.png\\)");

  @Test
  void everyFormHasAPictureOfTheTasklistWidthAndARowInTheIndex() throws IOException {
    List<String> forms = names(FORMS, ".form");
    assertThat(forms).as("forms/ is read from the project directory").isNotEmpty();
    Map<String, List<String>> rows = rows();

    for (String form : forms) {
      assertThat(SCREENSHOTS.resolve(form + ".png")).as("the picture of %s (regenerate: see docs/screenshots/README.md)",
          form).isRegularFile();
      assertThat(rows).as("a row for %s in docs/screenshots/README.md", form).containsKey(form);
    }
    for (String picture : names(SCREENSHOTS, ".png")) {
      Path png = SCREENSHOTS.resolve(picture + ".png");
      // its own form, or the longest form id it extends with "-<what is ticked>"
      String form = forms.contains(picture) ? picture : forms.stream().filter(f -> picture.startsWith(f + "-"))
          .max(Comparator.comparingInt(String::length)).orElseThrow(() -> new AssertionError("a picture of no form in forms/ (a form removed or renamed?): " + png));
      assertThat(rows.get(form)).as("%s is linked from its form's row in the README", png).contains(picture);
      try (InputStream in = Files.newInputStream(png)) {
        byte[] head = in.readNBytes(24);
        assertThat(head).as("%s is a PNG", png).startsWith(PNG_SIGNATURE);
        // IHDR: width and height, big-endian, right after the signature and the chunk's length and type
        int width = ByteBuffer.wrap(head, 16, 4).getInt();
        int height = ByteBuffer.wrap(head, 20, 4).getInt();
        // The task column of a 1,280 px window (about 600 px), or the start dialog: never a thumbnail
        // nor a picture of a wider window.
        assertThat(width).as("%s's width", png).isBetween(400, 1280);
        assertThat(height).as("%s's height", png).isGreaterThan(200);
      }
    }
    assertThat(rows.keySet()).as("rows of forms that no longer exist").isSubsetOf(forms);
    rows.values().stream().flatMap(List::stream).forEach(picture -> assertThat(SCREENSHOTS.resolve(picture + ".png"))
        .as("the picture the README links to").isRegularFile());
  }

  /** Form id → the pictures its row in the README's table links to, the form's own first. */
  private static Map<String, List<String>> rows() throws IOException {
    String readme = Files.readString(SCREENSHOTS.resolve("README.md"), StandardCharsets.UTF_8);
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(readme);
    while (row.find()) {
      String form = row.group(1);
      assertThat(row.group(2)).as("the row of %s links to its own picture first", form).isEqualTo(form);
      List<String> pictures = new ArrayList<>(List.of(form));
      Matcher link = LINK.matcher(row.group(3));
      while (link.find()) {
        assertThat(link.group(1)).as("a further picture in the row of %s is of that form", form).startsWith(form + "-");
        pictures.add(link.group(1));
      }
      assertThat(rows.put(form, pictures)).as("%s has one row", form).isNull();
    }
    return rows;
  }

  private static List<String> names(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix))
          .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
    }
  }
}

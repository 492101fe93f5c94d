package jp.iotcert.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outside values stay text once escaped, proven with a real CommonMark renderer with GFM tables.
 * Tasklist renders with marked, whose GFM autolinks (bare URLs, www., e-mail addresses) are inline
 * rules that an escaped ':', '.' or '@' defeats; commonmark-java's autolink extension instead
 * linkifies text after parsing, so it is not used here: TasklistBrowserIT proves bare URLs in marked.
 */
class MarkdownTest {

  private static final List<Extension> GFM = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(GFM).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(GFM).build();

  private static String render(String markdown) {
    return HTML.render(PARSER.parse(markdown)).strip();
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<a href=\"https://evil.example/\">x</a>",
      "<img src=x onerror=alert(1)>",
      "[x](https://evil.example/)",
      "![x](https://evil.example/x.png)",
      "[x][1]",
      "<https://evil.example/>",
      "https://evil.example/ and www.evil.example and someone@evil.example",
      "**bold** __bold__ *em* _em_ ~~del~~ `code`",
      "# heading",
      "> quote",
      "- item",
      "+ item",
      "1. item",
      "| a | b |",
      "---",
      "- - -",
      "===",
      "***",
      "___",
      "1) item",
      "- - nested",
      "```",
      "&amp; &#60;script&#62; &lt;",
      "\\<b>backslash\\</b>",
      "{{applicationNumber}}",
      "<script>alert(1)</script>",
      "<!-- comment -->",
      "javascript:alert(1)",
      "株式会社テスト（東京）・サービス＜全角＞",
  })
  void anyLineRendersAsItsOwnText(String value) {
    assertThat(render(Markdown.text(value))).isEqualTo("<p>" + html(value.strip()) + "</p>");
    assertThat(render(Markdown.inline(value))).isEqualTo("<p>" + html(value.strip()) + "</p>");
  }

  @Test
  void linesStayLinesAndNeverStartABlock() {
    String value = "first line\n    indented code?\n# not a heading\n\n> not a quote\r\n<div>x</div>";
    String rendered = render(Markdown.text(value));
    assertThat(rendered).doesNotContain("<pre", "<code", "<h1", "<blockquote", "<div");
    assertThat(rendered).contains("first line\nindented code?\n# not a heading", "&gt; not a quote\n&lt;div&gt;x&lt;/div&gt;");
  }

  @Test
  void inlineValuesStayInTheirTableCellAndListItem() {
    String value = "a | b\n\n- c\n| --- |";
    String table = "| 項目 | 内容 |\n|---|---|\n| X | " + Markdown.inline(value) + " |\n";
    assertThat(render(table)).contains("<td>a | b - c | --- |</td>").doesNotContain("<li>");
    String list = "- [" + Markdown.inline("file](https://evil.example/) [x") + "](/api/x)\n";
    assertThat(render(list)).isEqualTo("<ul>\n<li><a href=\"/api/x\">file](https://evil.example/) [x</a></li>\n</ul>");
  }

  @Test
  void cutsNeverLeaveACharacterUnescaped() {
    String escaped = Markdown.text("<a href=\"https://evil.example/\">x</a>");
    for (int max = 1; max <= escaped.length() + 1; max++) {
      for (String cut : List.of(Markdown.clip(escaped, max), Markdown.clipStart(escaped, max))) {
        assertThat(cut.length()).isLessThanOrEqualTo(max);
        assertThat(render(cut)).doesNotContain("<a", "<img").doesNotContain("href=\"https");
        assertThat(cut).doesNotStartWith("<").doesNotStartWith("…<").doesNotContainPattern("(^|[^\\\\])[<>]");
      }
    }
    assertThat(Markdown.clip("abc", 3)).isEqualTo("abc");
    assertThat(Markdown.clip("\\<b", 2)).isEqualTo("…");
    assertThat(Markdown.clipStart("a\\<b", 3)).isEqualTo("…b");
  }

  @Test
  void nothingOrControlCharacters() {
    assertThat(Markdown.text(null)).isEmpty();
    assertThat(Markdown.inline(null)).isEmpty();
    assertThat(Markdown.inline("a\u0000b\u001bc")).isEqualTo("a b c");
    assertThat(Markdown.text("(株)")).isEqualTo("\\(株\\)");
    assertThat(Markdown.inline("B-21, 3/4; 100%")).isEqualTo("B-21, 3/4; 100%");
    assertThat(Markdown.text("- a\n+ b\n= c")).isEqualTo("\\- a\n\\+ b\n\\= c");
  }
}

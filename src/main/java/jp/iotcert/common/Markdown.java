package jp.iotcert.common;

/**
 * Values from outside (applicants, providers, the public) as plain text inside the Markdown that
 * Camunda Forms' text views render. Tasklist's form-js 1.8.7 inserts template variables unescaped,
 * renders with marked (GFM, raw HTML passed through) and its sanitizer keeps {@code <a href>} to any
 * http(s) site and {@code <img>}; so a value must not be able to form HTML, a link, an image, an
 * autolink or a block of its own.
 *
 * <p>CommonMark lets any ASCII punctuation character be escaped with a backslash, and an escaped
 * character is always literal text (marked writes {@code \<} as {@code &lt;}). Escaped everywhere:
 * every character that opens HTML, an entity, a link, an image, emphasis, code, a table cell or a
 * template, and ':', '@' and '.' that GFM autolinks (https://, www., e-mail) need. Escaped at a
 * line's start only: '-', '+' and '=' (lists, setext headings, thematic breaks), so that ordinary
 * text such as "B-21" stays readable in the variable. Leading blanks are dropped so that no line
 * becomes an indented code block.
 */
public final class Markdown {

  private static final String ALWAYS = "\\`*_[]()<>!&|~{}#:@.";
  private static final String AT_LINE_START = "-+=";

  private Markdown() {}

  /** The value as literal text; its line breaks stay line breaks. Null becomes "". */
  public static String text(String value) {
    if (value == null) {
      return "";
    }
    String[] lines = value.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      escape(lines[i].stripLeading(), out);
    }
    return out.toString();
  }

  /** A text from outside as a form shows it: trimmed, literal, clipped to a task text's length. */
  public static String formText(String value) {
    return clip(text(value == null ? null : value.strip()), TaskInput.MAX_TEXT);
  }

  /** The value as literal text on one line (a list item, a table cell, a link label). */
  public static String inline(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    escape(value.replaceAll("[\\r\\n\\t]+", " ").strip(), out);
    return out.toString();
  }

  /**
   * At most {@code max} characters of Markdown built with these methods, an ellipsis marking a cut.
   * The cut never separates a backslash from the character it escapes, which would give that
   * character its meaning back.
   */
  public static String clip(String markdown, int max) {
    if (markdown.length() <= max) {
      return markdown;
    }
    int end = Math.max(0, max - 1);
    if (escapesNext(markdown, end)) {
      end--;
    }
    return markdown.substring(0, end) + "…";
  }

  /** Like {@link #clip}, keeping the end: for texts whose newest part is last. */
  public static String clipStart(String markdown, int max) {
    if (markdown.length() <= max) {
      return markdown;
    }
    int start = markdown.length() - Math.max(0, max - 1);
    if (escapesNext(markdown, start)) {
      start++; // drop the escaped character together with its backslash
    }
    return "…" + markdown.substring(start);
  }

  /** True when the character at {@code index} is escaped: an odd run of backslashes precedes it. */
  private static boolean escapesNext(String markdown, int index) {
    int backslashes = 0;
    for (int i = index - 1; i >= 0 && markdown.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static void escape(String line, StringBuilder out) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (ALWAYS.indexOf(c) >= 0 || (i == 0 && AT_LINE_START.indexOf(c) >= 0)) {
        out.append('\\');
      }
      // Other control characters have no meaning in Markdown but may confuse readers of the variable.
      out.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
    }
  }
}

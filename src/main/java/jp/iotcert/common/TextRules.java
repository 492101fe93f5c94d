package jp.iotcert.common;

/**
 * The rules every text from outside obeys, whatever the surface (JSON bodies, query parameters,
 * file names): well-formed Unicode (no lone surrogate, which a database would store as "?"), no
 * control characters (NUL breaks PostgreSQL; TAB, LF and CR only where text may span lines) and no
 * bidirectional override or isolate controls (U+202A–U+202E, U+2066–U+2069), which make a name or a
 * file name read differently from what it is ("invoice\u202Efdp.exe").
 */
public final class TextRules {

  private TextRules() {}

  /** Whether line breaks and tabs are allowed: free text in bodies yes, names of files and query values no. */
  public enum Lines { ALLOWED, FORBIDDEN }

  /** The Japanese reason the text breaks a rule, or null when it is acceptable. */
  public static String violation(String text, Lines lines) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "不正な文字（対になっていないサロゲート）が含まれています";
      }
      if (Character.isLowSurrogate(c)) {
        return "不正な文字（対になっていないサロゲート）が含まれています";
      }
      if (c == 0) {
        return "NUL文字は使えません";
      }
      if ((c == '\t' || c == '\n' || c == '\r') && lines == Lines.ALLOWED) {
        continue;
      }
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        return "制御文字（U+" + String.format("%04X", (int) c) + "）は使えません";
      }
      if (isBidiControl(c)) {
        return "文字の表示方向を変える制御文字（U+" + String.format("%04X", (int) c) + "）は使えません";
      }
    }
    return null;
  }

  /** The text with control and bidirectional control characters and lone surrogates removed, for names already stored. */
  public static String sanitize(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        clean.append(c).append(text.charAt(++i));
      } else if (!Character.isSurrogate(c) && c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && !isBidiControl(c)) {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }
}

package jp.iotcert.notice;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.paperwork.NoticeLetterPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice texts as Mustache templates (logic-less: {@code {{name}}} placeholders, no code), one
 * per kind, kept in the table notice_template in versions: a change adds a version and never edits
 * one, and every notice records the version it was written from, so an old notice shows the text it
 * came from. The defaults are classpath:notice-templates/KIND.mustache (first line the subject, a
 * blank line, then the body), seeded as version 1 by {@link NoticeTemplateSeed}.
 *
 * <p>A template may use only the placeholders of its default: those are the values the code fills
 * for that kind; any other name would print as nothing, so it is refused when staff save it.
 *
 * <p>The letter's layout is a kind of its own here, {@link #LAYOUT}: its "subject" is the layout's name and
 * its "body" an XHTML+CSS template of the PDF ({@link NoticeLetterPdf}), default
 * classpath:notice-templates/LETTER_LAYOUT.xhtml; it is checked as XHTML that loads nothing before it is saved,
 * and every notice records the layout version its letter was rendered with.
 */
@Service
public class NoticeTemplates {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeTemplates.class);

  static final String LOCATION = "classpath:notice-templates/*.mustache";
  static final int MAX_SUBJECT = 200;
  /** The tags staff may write: {{name}}, {{{name}}}, {{&name}} and the sections {{#name}} {{^name}} {{/name}}. */
  private static final java.util.regex.Pattern TAG =
      java.util.regex.Pattern.compile("\\{\\{\\{\\s*\\w+\\s*\\}\\}\\}|\\{\\{[#^/&]?\\s*\\w+\\s*\\}\\}");
  static final int MAX_BODY = 20_000;

  /** The kind of the letter's layout (not a notice text). */
  public static final String LAYOUT = "LETTER_LAYOUT";
  /** The default layout's name: the stored "subject" of the layout kind. */
  static final String LAYOUT_NAME = "通知書（A4縦）";
  /** A layout is longer than a text (markup and CSS), still far from anything that would slow a letter down. */
  static final int MAX_LAYOUT = 50_000;
  /** Unescaped tags ({{{name}}}, {{&name}}): a layout must escape every value, or a value could become markup. */
  private static final Pattern UNESCAPED = Pattern.compile("\\{\\{\\{|\\{\\{\\s*&");

  /** Plain text mail: nothing is HTML-escaped; a value the code did not fill prints as nothing. */
  private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).defaultValue("")
      .emptyStringIsFalse(true);
  private static final Pattern GAPS = Pattern.compile("\n{3,}");

  private final JdbcClient jdbc;
  private final NoticeLetterPdf letters;
  /** The placeholders each kind's default template uses: the ones a changed version may use. */
  private final SortedMap<String, Set<String>> defaults;

  public NoticeTemplates(JdbcClient jdbc, NoticeLetterPdf letters) {
    this.jdbc = jdbc;
    this.letters = letters;
    this.defaults = Collections.unmodifiableSortedMap(loadDefaults());
  }

  /** A stored version of a kind's template. */
  public record Version(String kind, int version, String subject, String body, String createdBy, Instant createdAt,
      String comment) {}

  /** A notice written from a template: its texts and the version they came from. */
  public record Rendered(String kind, int version, String subject, String body) {}


  /** Every kind in the store: the notice texts and the letter's layout. */
  public Set<String> kinds() {
    return defaults.keySet();
  }

  /** The kinds that are notice texts (every kind but the layout). */
  public Set<String> textKinds() {
    Set<String> texts = new LinkedHashSet<>(defaults.keySet());
    texts.remove(LAYOUT);
    return Collections.unmodifiableSet(texts);
  }

  public Set<String> placeholders(String kind) {
    return defaultOf(kind);
  }

  public Version current(String kind) {
    defaultOf(kind);
    return jdbc.sql("""
        SELECT kind, version, subject, body, created_by, created_at, change_comment FROM notice_template
        WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""").param(kind).query(NoticeTemplates::version)
        .optional().orElseThrow(() -> new IllegalStateException("No template stored for notice kind " + kind));
  }

  public Optional<Version> version(String kind, int version) {
    return jdbc.sql("""
        SELECT kind, version, subject, body, created_by, created_at, change_comment FROM notice_template
        WHERE kind = ? AND version = ?""").params(kind, version).query(NoticeTemplates::version).optional();
  }

  public List<Version> versions(String kind) {
    defaultOf(kind);
    return jdbc.sql("""
        SELECT kind, version, subject, body, created_by, created_at, change_comment FROM notice_template
        WHERE kind = ? ORDER BY version DESC""").param(kind).query(NoticeTemplates::version).list();
  }

  /** Writes a notice from the kind's current template. */
  public Rendered render(String kind, Map<String, String> values) {
    Version v = current(kind);
    return new Rendered(kind, v.version(), subject(v.subject(), values), body(v.body(), values));
  }

  /**
   * Adds a version of a kind's template, after checking it; returns it. Staff's only way to change
   * a text: the old versions stay as they were.
   */
  @Transactional
  public Version change(String kind, String subject, String body, String comment, String changedBy) {
    Set<String> allowed = defaultOf(kind);
    boolean layout = LAYOUT.equals(kind);
    if (layout && subject == null) {
      // A layout's name is optional on a change: the current one is kept.
      subject = current(kind).subject();
    }
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    check("subject", subject, MAX_SUBJECT, allowed, errors, layout);
    if (subject != null && (subject.contains("\n") || subject.contains("\r"))) {
      errors.add(new InvalidInputException.FieldError("subject", (layout ? "レイアウト名" : "件名") + "は1行で入力してください。"));
    }
    if (layout && subject != null && !subject.isBlank() && !names(subject).isEmpty()) {
      errors.add(new InvalidInputException.FieldError("subject", "レイアウト名に差し込み項目は使えません。"));
    }
    if (check("body", body, layout ? MAX_LAYOUT : MAX_BODY, allowed, errors, layout) && layout) {
      if (UNESCAPED.matcher(body).find()) {
        errors.add(new InvalidInputException.FieldError("body",
            "レイアウトでは {{{項目名}}} や {{&項目名}} は使えません（差し込む値は必ずエスケープします）。{{項目名}} と書いてください。"));
      } else {
        letters.problems(body).forEach(p -> errors.add(new InvalidInputException.FieldError("body", p)));
      }
    }
    if (comment != null && comment.length() > 500) {
      errors.add(new InvalidInputException.FieldError("comment", "変更理由は500文字以内で入力してください。"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("通知テンプレートを保存できません。", errors);
    }
    int next = current(kind).version() + 1;
    try {
      jdbc.sql("""
          INSERT INTO notice_template (kind, version, subject, body, created_by, created_at, change_comment)
          VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(kind, next, subject, body, changedBy, Timestamp.from(Instant.now()), comment).update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("同じ通知テンプレートが同時に変更されました。最新の版を確認してから保存し直してください。");
    }
    LOG.info("Notice template {} version {} saved by {}", kind, next, changedBy);
    return version(kind, next).orElseThrow();
  }

  /** The subject as filled: one line, as written. */
  static String subject(String template, Map<String, String> values) {
    return COMPILER.compile(template).execute(values);
  }

  /**
   * The body as filled, strip()ped, with no gap of several blank lines where an optional paragraph
   * was empty, ending in one line break.
   */
  static String body(String template, Map<String, String> values) {
    return GAPS.matcher(COMPILER.compile(template).execute(values).strip()).replaceAll("\n\n") + "\n";
  }

  private Set<String> defaultOf(String kind) {
    Set<String> d = kind == null ? null : defaults.get(kind);
    if (d == null) {
      throw new NotFoundException("通知の種類 " + kind + " はありません。");
    }
    return d;
  }

  /** Checks a subject or body; true when its placeholders are right (so further checks make sense). */
  private static boolean check(String field, String text, int max, Set<String> allowed,
      List<InvalidInputException.FieldError> errors, boolean layout) {
    String label = field.equals("subject") ? (layout ? "レイアウト名" : "件名") : (layout ? "レイアウト" : "本文");
    if (text == null || text.isBlank()) {
      errors.add(new InvalidInputException.FieldError(field, label + "を入力してください。"));
      return false;
    }
    if (text.length() > max) {
      errors.add(new InvalidInputException.FieldError(field, label + "は" + max + "文字以内で入力してください。"));
      return false;
    }
    Set<String> used;
    try {
      // The engine reads an unclosed "{{" as text; staff mean a placeholder, so it must be one.
      if (TAG.matcher(text).replaceAll("").matches("(?s).*(\\{\\{|\\}\\}).*")) {
        throw new IllegalArgumentException("stray braces");
      }
      used = names(text);
    } catch (MustacheException | IllegalArgumentException e) {
      errors.add(new InvalidInputException.FieldError(field,
          "差し込み項目の書き方に誤りがあります（{{項目名}} の形で書いてください）。"));
      return false;
    }
    boolean known = true;
    for (String name : used) {
      if (!allowed.contains(name)) {
        known = false;
        errors.add(new InvalidInputException.FieldError(field, "差し込み項目 {{" + name + "}} は"
            + (layout ? "レイアウト" : "この通知") + "では使えません。使える項目: "
            + String.join(", ", allowed.stream().sorted().map(n -> "{{" + n + "}}").toList())));
      }
    }
    return known;
  }

  /** The names a template uses; partials (other files) are refused, sections may use known names. */
  static Set<String> names(String text) {
    Template template = COMPILER.withLoader(name -> {
      throw new IllegalArgumentException("partials are not allowed");
    }).compile(text);
    Set<String> names = new LinkedHashSet<>();
    template.visit(new Mustache.Visitor() {
      @Override
      public void visitText(String text) {}

      @Override
      public void visitVariable(String name) {
        names.add(name);
      }

      @Override
      public boolean visitInclude(String name) {
        throw new IllegalArgumentException("partials are not allowed");
      }

      @Override
      public boolean visitSection(String name) {
        names.add(name);
        return true;
      }

      @Override
      public boolean visitInvertedSection(String name) {
        names.add(name);
        return true;
      }
    });
    return names;
  }

  static SortedMap<String, String[]> readDefaults() {
    SortedMap<String, String[]> texts = new TreeMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        String file = r.getFilename();
        String text = r.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        int end = text.indexOf('\n');
        if (end < 0 || !text.startsWith("\n", end + 1)) {
          throw new IllegalStateException("Notice template " + file + ": the subject line must be followed by a blank line");
        }
        texts.put(file.substring(0, file.length() - ".mustache".length()),
            new String[] {text.substring(0, end), text.substring(end + 2)});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    texts.put(LAYOUT, new String[] {LAYOUT_NAME, NoticeLetterPdf.defaultLayout()});
    return texts;
  }

  private static SortedMap<String, Set<String>> loadDefaults() {
    SortedMap<String, Set<String>> result = new TreeMap<>();
    readDefaults().forEach((kind, texts) -> {
      Set<String> names = new LinkedHashSet<>(names(texts[0]));
      names.addAll(names(texts[1]));
      // A layout may use every part of the letter, whether or not its default does.
      result.put(kind, Collections.unmodifiableSet(LAYOUT.equals(kind) ? new TreeSet<>(NoticeLetterPdf.PLACEHOLDERS) : names));
    });
    return result;
  }

  private static Version version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Version(rs.getString("kind"), rs.getInt("version"), rs.getString("subject"), rs.getString("body"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("change_comment"));
  }
}

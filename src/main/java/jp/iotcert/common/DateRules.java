package jp.iotcert.common;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One window for every date from outside, so that year 0001 or +10000 never reaches a timer, a
 * query or the registry. Events (payments, occurrences, certifications) lie between
 * {@link #EARLIEST} and today; announced events (a planned termination) at most
 * {@link #PLANNED_AHEAD} ahead; deadlines set by the body after today and at most
 * {@link #DEADLINE_AHEAD} ahead. "Today" is the caller's business day ({@link BusinessCalendar#today()}),
 * passed in so that tests moving the engine's clock move these windows too.
 */
public final class DateRules {

  /** Before the body's first certification (2008): nothing it records happened earlier. */
  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  public static final Period PLANNED_AHEAD = Period.ofYears(1);
  public static final Period DEADLINE_AHEAD = Period.ofYears(2);

  /** The sentence refusing a date that cannot be read (an impossible date such as 2026-02-30 included). */
  public static final String UNREADABLE = "日付を読み取れません。2026-12-10 のように年・月・日で入力してください。";

  private DateRules() {}

  /**
   * The one reading of a date a form sent (Tasklist sends {@code yyyy-MM-dd}; a REST client may send
   * an ISO date-time, whose date as written counts, or a {@code Date}, read in Japan time): null when
   * absent, never another date. Anything else, an impossible date included, is refused.
   *
   * @throws FormRuleViolation naming the field, with {@link #UNREADABLE}
   */
  public static LocalDate formDate(String field, Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof java.util.Date date) {
      return LocalDate.ofInstant(date.toInstant(), BusinessCalendar.ZONE);
    }
    String text = value == null ? "" : value.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return text.length() <= 10 ? LocalDate.parse(text)
          : LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(text));
    } catch (DateTimeParseException e) {
      throw new FormRuleViolation(field, UNREADABLE);
    }
  }

  /** Why a past event's date is refused, or null: between 2000-01-01 and today. */
  public static String pastEvent(LocalDate date, LocalDate today) {
    if (date.isBefore(EARLIEST)) {
      return EARLIEST + " より前の日付は指定できません";
    }
    return date.isAfter(today) ? "未来の日付は指定できません" : null;
  }

  /** Why an announced event's date is refused, or null: between 2000-01-01 and a year from today. */
  public static String plannedEvent(LocalDate date, LocalDate today) {
    if (date.isBefore(EARLIEST)) {
      return EARLIEST + " より前の日付は指定できません";
    }
    LocalDate latest = today.plus(PLANNED_AHEAD);
    return date.isAfter(latest) ? latest + " より後の日付は指定できません" : null;
  }

  /** Why a deadline is refused (to follow the field's label, "期限は…"), or null: after today and at most two years ahead. */
  public static String deadline(LocalDate date, LocalDate today) {
    if (!date.isAfter(today)) {
      return "明日以降の日付です";
    }
    LocalDate latest = today.plus(DEADLINE_AHEAD);
    return date.isAfter(latest) ? latest + " までの日付です" : null;
  }

  /**
   * The same rule for a deadline staff enter in a task form: refused with the Japanese sentence
   * ("{label}は明日以降の日付です。") when missing, not after today or more than two years ahead.
   *
   * @throws FormRuleViolation naming the field
   */
  public static void checkFormDeadline(String field, String label, LocalDate date, LocalDate today) {
    String refusal = date == null ? "明日以降の日付です" : deadline(date, today);
    if (refusal != null) {
      throw new FormRuleViolation(field, label + "は" + refusal + "。");
    }
  }
}

package jp.iotcert.paperwork;

import java.time.LocalDate;

/** Dates as a Japanese document writes them: 2026年4月1日. */
final class JapaneseDates {

  private JapaneseDates() {}

  static String format(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}

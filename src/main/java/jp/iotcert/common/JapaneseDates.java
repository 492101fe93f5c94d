package jp.iotcert.common;

import java.time.LocalDate;

/** Dates as Japanese documents, forms, notices and pages write them: 2026年4月1日. */
public final class JapaneseDates {

  private JapaneseDates() {}

  public static String format(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}

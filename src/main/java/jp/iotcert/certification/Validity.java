package jp.iotcert.certification;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

/**
 * 第9条 validity with the rule of 民法 第143条: two years counted from the certification date, that
 * day included, ending the day before the corresponding day two years later; with no corresponding
 * day (29 February into a common year) it ends on the last day of that month.
 * And the renewal window of 第12条1: 60 to 30 days before the last day, both days included.
 */
public final class Validity {

  private static final int YEARS = 2;
  private static final int WINDOW_OPENS_DAYS_BEFORE = 60;
  private static final int WINDOW_CLOSES_DAYS_BEFORE = 30;

  private Validity() {}

  public static LocalDate lastDay(LocalDate certifiedOn) {
    int targetYear = certifiedOn.getYear() + YEARS;
    if (certifiedOn.getMonth() == Month.FEBRUARY && certifiedOn.getDayOfMonth() == 29
        && !YearMonth.of(targetYear, Month.FEBRUARY).isValidDay(29)) {
      return YearMonth.of(targetYear, Month.FEBRUARY).atEndOfMonth();
    }
    return LocalDate.of(targetYear, certifiedOn.getMonth(), certifiedOn.getDayOfMonth()).minusDays(1);
  }

  public static LocalDate renewalWindowOpens(LocalDate lastDay) {
    return lastDay.minusDays(WINDOW_OPENS_DAYS_BEFORE);
  }

  public static LocalDate renewalWindowCloses(LocalDate lastDay) {
    return lastDay.minusDays(WINDOW_CLOSES_DAYS_BEFORE);
  }
}

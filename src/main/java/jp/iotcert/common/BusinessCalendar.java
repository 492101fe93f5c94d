package jp.iotcert.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Business dates of the scheme. Every date rule runs in Asia/Tokyo whatever the server's zone, and
 * "now" is the engine's clock, so tests that move the engine's clock move the business dates too.
 */
@Component
public class BusinessCalendar {

  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }

  /** The moment a day ends in Tokyo: a deadline "on day D" is missed from this instant on. */
  public static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
  }

  /**
   * The earlier of two deadlines, either of which may be absent (null): the due date of a task bound
   * by its own deadline and by one of its case (a renewal's, for instance), as the models ask for it
   * ({@code ${businessCalendar.earlier(a, b)}}). Null when both are absent.
   */
  public Date earlier(Date one, Date other) {
    if (one == null || other == null) {
      return one == null ? other : one;
    }
    return other.before(one) ? other : one;
  }

  /** The moment a day starts in Tokyo. */
  public static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZONE).toInstant());
  }
}

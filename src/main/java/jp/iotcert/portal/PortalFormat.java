package jp.iotcert.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.JapaneseDates;

/** How the portal's pages write dates, times, amounts and sizes (the model attribute {@code fmt}). */
public final class PortalFormat {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

  public String date(LocalDate date) {
    return date == null ? "" : JapaneseDates.format(date);
  }

  /** A moment in Japan time: 2026年12月1日 9:05. */
  public String dateTime(Instant at) {
    if (at == null) {
      return "";
    }
    var local = at.atZone(BusinessCalendar.ZONE);
    return JapaneseDates.format(local.toLocalDate()) + " " + TIME.format(local);
  }

  public String yen(long amount) {
    return PortalApplications.yen(amount);
  }

  public String size(long bytes) {
    return bytes < 1024 ? bytes + " バイト" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
        : String.format("%.1f MB", bytes / (1024.0 * 1024));
  }
}

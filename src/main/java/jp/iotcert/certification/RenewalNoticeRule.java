package jp.iotcert.certification;

import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * Whether a notice of the validity's calendar is still true on the day its timer fires (第12条第1項: the
 * renewal window runs from 60 to 30 days before the last day). A timer fires late after an import
 * near or past its dates, or a downtime; then the news may no longer hold and is not sent:
 * <ul>
 *   <li>the renewal reminder only before the window opens;</li>
 *   <li>the window-open notice only until the window closes;</li>
 *   <li>the window-closed warning (mark use to stop after the last day, 第10条第6項) only until the last
 *       day, and not when a renewal was filed in the window (the certification continues, 第12条第2項).</li>
 * </ul>
 * Every other notice is always due.
 */
@Service
public class RenewalNoticeRule {

  public boolean due(ProviderNotice notice, LocalDate validUntil, LocalDate today, boolean renewalFiled) {
    return switch (notice) {
      case RENEWAL_REMINDER -> today.isBefore(Validity.renewalWindowOpens(validUntil));
      case RENEWAL_WINDOW_OPEN -> !today.isAfter(Validity.renewalWindowCloses(validUntil));
      case RENEWAL_WINDOW_CLOSED -> !renewalFiled && !today.isAfter(validUntil);
      default -> true;
    };
  }
}

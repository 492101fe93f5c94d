package jp.iotcert.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationStatus;

/**
 * The one rule for the status the public registry shows (第11条3: an expiry is published without delay),
 * as of today in Japan time ({@link jp.iotcert.common.BusinessCalendar#today()}). The stored status
 * changes only when the timer job of the certification process runs after the last day (seconds
 * normally, longer in a timer storm, never while the job is an incident); the registry does not wait
 * for it. A VALID certification past its last day is, from the next day on:
 * <ul>
 *   <li>RENEWAL_UNDER_REVIEW when a renewal application filed in the window is pending (第12条2: it stays
 *       in force; the job will record exactly that), and</li>
 *   <li>EXPIRED otherwise, ended on the day after its last day (the day the job records).</li>
 * </ul>
 * Every stored status other than VALID is shown as stored. The JSON, the CSV, the pages, the feed's
 * status words and the status filter of the search ({@link #where}) all use this rule.
 */
final class StatusToday {

  /** The status and end day of an entry as the public reads them today. */
  record Shown(CertificationStatus status, LocalDate endedOn) {}

  private StatusToday() {}

  static Shown of(Certification c, LocalDate today) {
    if (c.status() != CertificationStatus.VALID || c.validUntil() == null || !today.isAfter(c.validUntil())) {
      return new Shown(c.status(), c.endedOn());
    }
    return c.renewalApplicationNumber() != null
        ? new Shown(CertificationStatus.RENEWAL_UNDER_REVIEW, c.endedOn())
        : new Shown(CertificationStatus.EXPIRED, c.validUntil().plusDays(1));
  }

  /** The SQL condition on table certification that selects the entries whose status today is {@code wanted}. */
  record Condition(String sql, List<Object> params) {}

  static Condition where(CertificationStatus wanted, LocalDate today) {
    List<Object> params = new ArrayList<>();
    params.add(wanted.name());
    String pastLastDay = "status = 'VALID' AND valid_until < ?";
    String sql = switch (wanted) {
      case VALID -> "status = ? AND (valid_until IS NULL OR valid_until >= ?)";
      case EXPIRED -> "(status = ? OR (" + pastLastDay + " AND renewal_application_number IS NULL))";
      case RENEWAL_UNDER_REVIEW -> "(status = ? OR (" + pastLastDay + " AND renewal_application_number IS NOT NULL))";
      default -> "status = ?";
    };
    if (wanted == CertificationStatus.VALID || wanted == CertificationStatus.EXPIRED
        || wanted == CertificationStatus.RENEWAL_UNDER_REVIEW) {
      params.add(today);
    }
    return new Condition(sql, params);
  }
}

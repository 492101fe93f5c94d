package jp.iotcert.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The earlier of two deadlines, as the models compute a renewal's inspection report due date. */
class BusinessCalendarTest {

  private final BusinessCalendar calendar = new BusinessCalendar();

  @Test
  void theEarlierDeadlineWinsAndAnAbsentOneIsIgnored() {
    Date inspectionDay = BusinessCalendar.endOf(LocalDate.of(2028, 10, 20));
    Date renewalDeadline = BusinessCalendar.endOf(LocalDate.of(2028, 11, 29));
    assertThat(calendar.earlier(inspectionDay, renewalDeadline)).isEqualTo(inspectionDay);
    assertThat(calendar.earlier(renewalDeadline, inspectionDay)).isEqualTo(inspectionDay);
    assertThat(calendar.earlier(inspectionDay, null)).isEqualTo(inspectionDay);
    assertThat(calendar.earlier(null, renewalDeadline)).isEqualTo(renewalDeadline);
    assertThat(calendar.earlier(null, null)).isNull();
  }
}

package jp.iotcert.e2e;

import java.time.Duration;
import jp.iotcert.IotCertApplication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Starts the application in a separate JVM (see {@link ChildApplication}) with the engine's clock
 * running behind real time by the ISO duration in the system property {@code iotcert.test.clock-behind}
 * (none: real time). The application and the job executor read "now" from that clock, so a run a
 * fortnight behind real time sets timers that are already due when the next, real-time run starts:
 * the timers come due while the application is down.
 */
public final class ShiftedClockLauncher {

  static final String CLOCK_BEHIND = "iotcert.test.clock-behind";

  private ShiftedClockLauncher() {}

  public static void main(String[] args) {
    String behind = System.getProperty(CLOCK_BEHIND);
    if (behind != null && !behind.isBlank()) {
      // A running clock (not a fixed one): the job executor and the lock times move on as usual.
      ClockUtil.offset(-Duration.parse(behind).toMillis());
    }
    IotCertApplication.main(args);
  }
}

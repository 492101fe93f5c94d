package jp.iotcert.paperwork;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log sent to SLF4J (logback) under com.openhtmltopdf.*, its levels set like any other
 * logger's: by default it writes to the console itself, timings at INFO for every letter, which a timer
 * storm of thousands of letters must not print. Its INFO is logged at DEBUG here; warnings and errors
 * stay what they are. (The project's own adapter, openhtmltopdf-slf4j, is not served by the registry.)
 */
final class OpenHtmlToPdfLog implements XRLogger {

  private static final OpenHtmlToPdfLog INSTANCE = new OpenHtmlToPdfLog();

  static {
    XRLog.setLoggerImpl(INSTANCE);
  }

  private OpenHtmlToPdfLog() {}

  /** Makes sure the adapter is in place (the class initializer runs once). */
  static void install() {
    // Only touching the class: its static initializer does the work.
  }

  @Override
  public void log(String where, Level level, String msg) {
    log(where, level, msg, null);
  }

  @Override
  public void log(String where, Level level, String msg, Throwable th) {
    Logger logger = LoggerFactory.getLogger(where);
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      logger.error(msg, th);
    } else if (value >= Level.WARNING.intValue()) {
      logger.warn(msg, th);
    } else if (value >= Level.FINE.intValue()) {
      logger.debug(msg, th);
    } else {
      logger.trace(msg, th);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // Levels are logback's (logging.level.com.openhtmltopdf...), not set from code.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    // Asked before a message is formatted: a letter's INFO timings cost nothing while DEBUG is off.
    Level level = diagnostic.getLevel();
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    int value = level.intValue();
    return value >= Level.SEVERE.intValue() ? logger.isErrorEnabled()
        : value >= Level.WARNING.intValue() ? logger.isWarnEnabled()
        : value >= Level.FINE.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
  }
}

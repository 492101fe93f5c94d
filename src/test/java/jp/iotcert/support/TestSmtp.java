package jp.iotcert.support;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The GreenMail SMTP server of the tests. Its port is 3025 unless IOTCERT_TEST_SMTP_PORT says
 * otherwise, so two checkouts can run their tests side by side on one machine.
 */
public final class TestSmtp {

  public static final int PORT = Integer.parseInt(
      System.getenv().getOrDefault("IOTCERT_TEST_SMTP_PORT", "3025"));

  public static final ServerSetup SETUP = new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP);

  private TestSmtp() {}
}

package jp.iotcert.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for tests of the portal's accounts: fresh corporate numbers, the registration form, the mails' links. */
public final class PortalAccounts {

  /** A password the policy accepts (long, not common). */
  public static final String PASSWORD = "violet lanterns drift north";

  private PortalAccounts() {}

  /** A valid corporate number no other test uses (random twelve digits and their check digit). */
  public static String newCorporateNumber() {
    String base = String.format("%012d", ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    int sum = 0;
    for (int n = 1; n <= 12; n++) {
      sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
    }
    return (9 - sum % 9) + base;
  }

  /** The registration form's fields. */
  public static Map<String, String> registration(String userId, String corporateNumber, String email) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("corporateNumber", corporateNumber);
    form.put("companyName", "株式会社" + userId);
    form.put("contactName", "登録 太郎");
    form.put("email", email);
    form.put("userId", userId);
    form.put("password", PASSWORD);
    form.put("passwordConfirmation", PASSWORD);
    return form;
  }

  public static HttpResponse<String> register(PortalSession session, String userId, String corporateNumber, String email) {
    return session.postForm("/portal/register", registration(userId, corporateNumber, email));
  }

  /** The newest mail to the address whose subject contains the text, waiting up to 10 s for it. */
  public static MimeMessage mail(GreenMailExtension mail, String to, String subject) throws Exception {
    long until = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < until) {
      MimeMessage[] found = Arrays.stream(mail.getReceivedMessages())
          .filter(m -> recipient(m).equalsIgnoreCase(to) && subject(m).contains(subject)).toArray(MimeMessage[]::new);
      if (found.length > 0) {
        return found[found.length - 1];
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + to + " about " + subject);
  }

  /** How many mails the address got so far. */
  public static long count(GreenMailExtension mail, String to) {
    return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(to)).count();
  }

  /** The path of the portal link in the mail that starts with the prefix (e.g. /portal/account/confirm/). */
  public static String link(MimeMessage mail, String prefix) throws Exception {
    Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]{43})").matcher(Mails.text(mail));
    assertThat(m.find()).as("a link %s… in the mail", prefix).isTrue();
    return m.group(1);
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      return "";
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }
}

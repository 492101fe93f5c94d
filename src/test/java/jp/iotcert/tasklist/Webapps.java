package jp.iotcert.tasklist;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in to a Camunda webapp as the browser tests' users (password {@code demo}), robust on a
 * busy machine: the first page after the application's start, and the page right after signing in,
 * may stay on the webapp's spinner (its many scripts load slowly when the two cores are busy); such a
 * page is loaded once more instead of failing the test.
 */
final class Webapps {

  private static final By USERNAME = By.cssSelector("input[ng-model='username']");
  /** Every user's first Tasklist filter (config/IdentitySetup). */
  private static final By TASKLIST_READY = By.xpath("//*[contains(text(),'自分のタスク')]");

  private Webapps() {}

  /** Signs in on the webapp page the browser shows (its login form), and waits until the app is loaded. */
  static void signIn(ChromeDriver browser, String user) {
    untilShown(browser, USERNAME);
    browser.findElement(USERNAME).sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.invisibilityOfElementLocated(USERNAME));
    if (browser.getCurrentUrl().contains("/tasklist/")) {
      untilShown(browser, TASKLIST_READY);
    }
  }

  private static void untilShown(ChromeDriver browser, By element) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(45)).until(ExpectedConditions.visibilityOfElementLocated(element));
    } catch (TimeoutException e) {
      browser.navigate().refresh();
      new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.visibilityOfElementLocated(element));
    }
  }
}

package jp.iotcert.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests of the server-rendered pages (registry, portal) do and check on every page. */
public final class Pages {

  private Pages() {}

  /**
   * Clicks and waits for the next page: a mark left on the old page's window is gone and the new page
   * has loaded (a click that leaves the page gives no other signal).
   */
  public static void navigate(ChromeDriver browser, WebElement control) {
    browser.executeScript("window.__previousPage = true;");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", control);
    control.click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
        browser.executeScript("return window.__previousPage === undefined && document.readyState === 'complete';")));
  }

  /** WCAG 2.1 AA: every text at 4.5:1 or more against its nearest opaque background; one h1. */
  public static void assertContrast(ChromeDriver browser) {
    @SuppressWarnings("unchecked")
    List<String> low = (List<String>) browser.executeScript("""
        const lum = c => { const m = c.match(/[\\d.]+/g).map(Number);
          const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          return 0.2126 * f(m[0]) + 0.7152 * f(m[1]) + 0.0722 * f(m[2]); };
        const bg = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
          const m = c.match(/[\\d.]+/g); if (m && (m.length < 4 || Number(m[3]) > 0)) return c; } return 'rgb(255, 255, 255)'; };
        const low = [];
        document.querySelectorAll('body *').forEach(el => {
          if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return;
          const a = lum(getComputedStyle(el).color), b = lum(bg(el));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < 4.5) low.push(el.tagName + ' ' + ratio.toFixed(2) + ' ' + el.textContent.trim().slice(0, 30));
        });
        return low;""");
    assertThat(low).as("text below 4.5:1 contrast on %s", browser.getCurrentUrl()).isEmpty();
    assertThat(browser.findElements(By.tagName("h1"))).as("one h1 on %s", browser.getCurrentUrl()).hasSize(1);
  }

  /** Nothing is wider than the window: phones must not scroll sideways. */
  public static void assertNoSidewaysScroll(ChromeDriver browser) {
    Object wider = browser.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(wider).as("page wider than the window at %s", browser.getCurrentUrl()).isEqualTo(Boolean.FALSE);
  }

  /** A full-page PNG in target/screenshots for a person to look at (not compared). */
  public static void screenshot(ChromeDriver browser, String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
    Dimension before = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 150, 8000)));
    Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(before);
  }
}

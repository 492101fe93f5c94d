package jp.iotcert.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.iotcert.registry.RegistryPageController;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The public Atom feed as the real controller writes it, read in process tests (which have no web
 * server) to prove that what a process did reached the feed, not only the event table.
 */
public final class RegistryFeedTitles {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private RegistryFeedTitles() {}

  /** The titles of the feed's entries about this certification ("number service：description"), newest first. */
  public static List<String> of(RegistryPageController registry, String certificationNumber) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList entries = factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(registry.feed().getBody().getBytes(StandardCharsets.UTF_8)))
          .getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
      List<String> titles = new ArrayList<>();
      for (int i = 0; i < entries.getLength(); i++) {
        String title = ((Element) entries.item(i)).getElementsByTagNameNS(ATOM, "title").item(0).getTextContent();
        if (title.startsWith(certificationNumber + " ")) {
          titles.add(title);
        }
      }
      return titles;
    } catch (Exception e) {
      throw new IllegalStateException("The feed is not Atom XML", e);
    }
  }
}

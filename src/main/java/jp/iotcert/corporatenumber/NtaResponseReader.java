package jp.iotcert.corporatenumber;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the answer of GET {base}/4/num?number=…&type=12&history=0 (XML, UTF-8; 法人番号システム
 * Web-API 機能概要 version 4): {@code <corporations><count/>…<corporation>…</corporation></corporations>},
 * "not found" being count 0 without a corporation. The body comes from outside: DTDs and external
 * entities are refused, and an answer of any other shape is "unreadable", never an exception.
 */
public final class NtaResponseReader {

  /** The API answers one corporation in a few kB; anything far larger is not its answer. */
  static final int MAX_BODY = 200_000;
  private static final int MAX_FIELD = 500;

  private NtaResponseReader() {}

  public static NtaAnswer read(int httpStatus, String body) {
    if (httpStatus != 200 || body == null || body.isBlank() || body.length() > MAX_BODY) {
      return NtaAnswer.unreadable(httpStatus);
    }
    try {
      Document document = parser().parse(new InputSource(new StringReader(body)));
      Element root = document.getDocumentElement();
      if (!"corporations".equals(root.getTagName())) {
        return NtaAnswer.unreadable(httpStatus);
      }
      NodeList corporations = root.getElementsByTagName("corporation");
      if (corporations.getLength() == 0) {
        return new NtaAnswer(httpStatus, true, false, null, null, null, null, null, null, null);
      }
      Element c = (Element) corporations.item(0);
      String closeDate = text(c, "closeDate");
      return new NtaAnswer(httpStatus, true, true, text(c, "name"), text(c, "prefectureName"), text(c, "cityName"),
          text(c, "streetNumber"), text(c, "addressOutside"),
          closeDate == null ? null : LocalDate.parse(closeDate), text(c, "closeCause"));
    } catch (SAXException | IOException | DateTimeParseException e) {
      return NtaAnswer.unreadable(httpStatus);
    }
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    if (nodes.getLength() == 0) {
      return null;
    }
    String value = nodes.item(0).getTextContent().strip();
    if (value.isEmpty()) {
      return null;
    }
    return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
  }

  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}

package jp.iotcert.registry;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.BusinessCalendar;

/**
 * The registry's events as an Atom feed (RFC 4287): new certifications, renewals, published changes
 * and improvement requests, expiries, lapses, terminations and revocations, newest first. Each
 * entry is built from the public entry and its published history line ({@link PublishedHistory}),
 * never from the stored detail, so the feed shows nothing the JSON does not. The events are as
 * recorded; the status word of each summary is the entry's status of today ({@link StatusToday}), so
 * an ended certification is never called valid. Timestamps are Japan time with +09:00.
 */
final class RegistryFeed {

  static final int SIZE = 50;

  private RegistryFeed() {}

  /** An event with the public entry it belongs to. */
  record Item(CertificationRegister.RecordedEvent event, RegistryEntry entry, String description) {}

  static String write(List<Item> items, String baseUrl, Instant now) {
    try {
      StringWriter text = new StringWriter();
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
      xml.writeAttribute("xml:lang", "ja");
      element(xml, "id", baseUrl + "/registry/feed.atom");
      element(xml, "title", "IoTクラウドサービス情報開示認定 認定台帳の更新");
      element(xml, "subtitle", "新規認定、更新、開示内容の変更、改善要請の公表、有効期間満了、失効、終了、取消し");
      element(xml, "updated", iso(items.stream().map(i -> i.event().recordedAt()).findFirst().orElse(now)));
      link(xml, "self", baseUrl + "/registry/feed.atom", "application/atom+xml");
      link(xml, "alternate", baseUrl + "/registry", "text/html");
      xml.writeStartElement("author");
      element(xml, "name", "認定機関");
      xml.writeEndElement();
      for (Item item : items) {
        RegistryEntry e = item.entry();
        xml.writeStartElement("entry");
        element(xml, "id", "urn:uuid:" + item.event().id());
        element(xml, "title", e.certificationNumber() + " " + e.serviceName() + "：" + item.description());
        element(xml, "updated", iso(item.event().recordedAt()));
        link(xml, "alternate", e.verificationUrl(), "text/html");
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(xmlSafe(RegistryText.date(item.event().effectiveOn()) + " " + item.description() + "（"
            + e.providerName() + "、状態：" + RegistryText.statusWord(e.status()) + "）"
            + Optional.ofNullable(improvement(item)).orElse("")));
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
      return text.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A published improvement request's content is public (第16条2): the feed quotes it. */
  private static String improvement(Item item) {
    if (!"IMPROVEMENT_REQUEST_PUBLISHED".equals(item.event().event())) {
      return null;
    }
    return item.entry().improvementRequests().stream()
        .filter(r -> r.requestedOn() != null && r.requestedOn().equals(item.event().effectiveOn()))
        .map(r -> " 要請内容：" + r.content()).findFirst().orElse(null);
  }

  private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(xmlSafe(value));
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
    xml.writeAttribute("type", type);
  }

  /** Characters XML 1.0 cannot carry at all (controls other than tab and line breaks) are left out. */
  static String xmlSafe(String text) {
    return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
  }

  /**
   * RFC 3339 in Japan time with its offset (2026-12-01T10:00:00+09:00), the one convention of the
   * system's outside timestamps; Atom allows any offset, and readers compare the instants.
   */
  static String iso(Instant at) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(BusinessCalendar.ZONE).toOffsetDateTime()
        .truncatedTo(ChronoUnit.SECONDS));
  }

}

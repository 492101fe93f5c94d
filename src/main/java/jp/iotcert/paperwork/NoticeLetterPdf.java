package jp.iotcert.paperwork;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import jp.iotcert.common.JapaneseDates;

/**
 * A notice as a letter (第6条4, 第17条2 written notice), laid out by a layout template: XHTML with CSS
 * (A4 by {@code @page}), Mustache placeholders for the notice's parts ({@link #PLACEHOLDERS}), rendered
 * to PDF by openhtmltopdf on PDFBox in the embedded Japanese font. Staff change the layout as they change
 * the texts (notice template kind LETTER_LAYOUT, in versions); the default is
 * classpath:notice-templates/LETTER_LAYOUT.xhtml. Rendered once when the notice is made; the stored
 * file is what was sent.
 *
 * <p>A layout is written by staff, so it must not make the server fetch anything: every external
 * resource (image, stylesheet, font, by any URL) is refused when the PDF is rendered, whatever the
 * layout says, and the layout is parsed with no DOCTYPE and no entities. The notice's values are always
 * escaped: a layout may only use {@code {{name}}} and sections, never unescaped tags.
 */
@Component
public class NoticeLetterPdf {

  /** The signature every notice ends with (the last line of every default template, notice-templates/*.mustache). */
  static final String SIGNATURE = "認定機関 事務局";

  /** Where the default layout is, its text seeded as version 1 of the LETTER_LAYOUT kind. */
  public static final String DEFAULT_LAYOUT = "notice-templates/LETTER_LAYOUT.xhtml";

  /**
   * What a layout can print: the date (Japanese), the addressee (the body's 「… 御中」/「… 様」 line; empty
   * when the body has none), the sender (the signature), the subject, the body (the rest of the text,
   * its line breaks kept by CSS white-space: pre-wrap), the reference (the notice's number).
   */
  public static final Set<String> PLACEHOLDERS = Set.of("date", "addressee", "sender", "subject", "body", "reference");

  /** Values to try a layout with before it is saved: every placeholder filled, each on one line (the line numbers of errors stay the layout's). */
  static final Map<String, String> SAMPLE = Map.of("date", "2026年11月30日", "addressee", "株式会社テスト 御中",
      "sender", SIGNATURE, "subject", "【お知らせ】見本の件名", "body", "見本の本文です。",
      "reference", "00000000-0000-0000-0000-000000000000");

  /** Every placeholder as a text holding what may break XML where Mustache's escaping does not reach (comments). */
  private static final Map<String, String> DASHES = PLACEHOLDERS.stream()
      .collect(java.util.stream.Collectors.toMap(p -> p, p -> "--\n--"));

  private static final String PROCESSING_INSTRUCTION =
      "<?…?> の処理命令は使えません（xml-stylesheet などで外部リソースを読み込めるため）。";

  /**
   * The families the font is known by: its own names, and the renderer's generic ones (serif, sans-serif and
   * monospace are looked up as Serif, SansSerif, Monospaced), so no text falls to a Latin font.
   */
  static final List<String> FAMILIES = List.of("IPAexGothic", "IPAexゴシック", "Serif", "SansSerif", "Monospaced");

  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  /** The base URI the layout is read with: it names nothing that can be fetched. */
  private static final String BASE_URI = "about:blank";

  /** Escaped values: & < > " ' are written as entities, so a value can never become markup. */
  private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(true).defaultValue("")
      .emptyStringIsFalse(true).withLoader(name -> {
        throw new IllegalArgumentException("partials are not allowed");
      });

  /** Elements that load something or run something: refused in a layout, nothing of theirs is fetched anyway. */
  private static final Set<String> LOADING_ELEMENTS = Set.of("img", "link", "object", "embed", "iframe", "frame",
      "script", "svg", "math", "image", "video", "audio", "source", "input", "base", "use", "picture");
  private static final Set<String> LOADING_ATTRIBUTES = Set.of("src", "srcset", "href", "data", "background",
      "poster", "codebase", "cite", "longdesc", "usemap");
  private static final Pattern CSS_LOADS = Pattern.compile("(?i)url\\s*\\(|@import|\\\\");

  /** Refuses every stream openhtmltopdf would open for a layout (http, https, file, jar, data, ftp). */
  private static final FSStreamFactory NO_STREAMS = new FSStreamFactory() {
    @Override
    public FSStream getUrl(String uri) {
      throw new IllegalStateException("A letter layout may not load anything: " + uri);
    }
  };

  private final DocumentFont font;

  public NoticeLetterPdf(DocumentFont font) {
    this.font = font;
    OpenHtmlToPdfLog.install();
  }

  /** A layout compiled once (per template version) and used for any number of letters, on any thread. */
  public static final class Layout {
    private final Template template;

    private Layout(Template template) {
      this.template = template;
    }
  }

  /** The default layout's text (classpath:notice-templates/LETTER_LAYOUT.xhtml). */
  public static String defaultLayout() {
    try {
      return new ClassPathResource(DEFAULT_LAYOUT).getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles a layout (already checked by {@link #problems} when it was saved). */
  public Layout layout(String template) {
    return new Layout(COMPILER.compile(template));
  }

  /**
   * What is wrong with a layout, in Japanese for staff (empty: it can be saved). Checked on the layout as
   * filled with sample values: well-formed XHTML with html as its root, no DOCTYPE, nothing that loads a
   * resource, and it must render to a PDF. The placeholders are checked by the caller, like the texts'.
   */
  public List<String> problems(String template) {
    List<String> problems = new ArrayList<>();
    String filled;
    try {
      filled = COMPILER.compile(template).execute(SAMPLE);
    } catch (RuntimeException e) {
      problems.add("差し込み項目の書き方に誤りがあります（{{項目名}} の形で書いてください）。");
      return problems;
    }
    Document dom;
    try {
      dom = parse(filled);
    } catch (SAXParseException e) {
      problems.add(e.getMessage() != null && e.getMessage().contains("DOCTYPE")
          ? "DOCTYPE宣言は使えません（レイアウトはDOCTYPEなしのXHTMLで書いてください）。"
          : "レイアウトがXHTMLとして正しくありません（" + e.getLineNumber() + "行目付近: タグの閉じ忘れ、"
              + "属性の引用符、& を &amp; と書いているかなどを確認してください）。");
      return problems;
    } catch (SAXException e) {
      problems.add("レイアウトがXHTMLとして正しくありません。");
      return problems;
    }
    Element root = dom.getDocumentElement();
    if (!"html".equals(localName(root))) {
      problems.add("レイアウトの最上位の要素は <html> にしてください。");
    }
    for (Node node = dom.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
        problems.add(PROCESSING_INSTRUCTION);
      }
    }
    loads(root, problems);
    // A placeholder inside a comment passes with the sample, but a real text holding "--" (provider
    // text reaches the body) would break the filled XML and fail every notice: tried with such values.
    try {
      parse(COMPILER.compile(template).execute(DASHES));
    } catch (SAXException e) {
      problems.add("差し込み項目はコメント（<!-- -->）の中には書けません。");
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    try {
      render(layout(template), SAMPLE.get("subject"), SAMPLE.get("addressee") + "\n\n" + SAMPLE.get("body"),
          LocalDate.of(2026, 11, 30), SAMPLE.get("reference"));
    } catch (RuntimeException e) {
      problems.add("レイアウトからPDFを作れません（要素やCSSの書き方を確認してください）。");
    }
    return problems;
  }

  /**
   * @param reference printed small at the foot of the text, so a letter on paper leads back to its record
   */
  public byte[] render(Layout layout, String subject, String body, LocalDate dated, String reference) {
    List<String> lines = new ArrayList<>(Arrays.asList(body.strip().split("\r?\n", -1)));
    String addressee = !lines.isEmpty() && (lines.get(0).endsWith("御中") || lines.get(0).endsWith("様"))
        ? lines.remove(0) : "";
    boolean signed = !lines.isEmpty() && lines.get(lines.size() - 1).strip().equals(SIGNATURE);
    if (signed) {
      lines.remove(lines.size() - 1);
    }
    String text = String.join("\n", lines).strip();
    TrueTypeFont ttf = null;
    try (PDDocument pdf = new PDDocument()) {
      ttf = font.borrow();
      CmapLookup glyphs = ttf.getUnicodeCmapLookup();
      Map<String, String> values = new HashMap<>();
      values.put("date", JapaneseDates.format(dated));
      values.put("addressee", printable(glyphs, addressee));
      values.put("sender", SIGNATURE);
      values.put("subject", printable(glyphs, subject));
      values.put("body", printable(glyphs, text));
      values.put("reference", printable(glyphs, reference));
      Document dom = parse(layout.template.execute(values));
      oneFont(dom);
      PDFont embedded = DocumentFont.embed(pdf, ttf);
      PdfRendererBuilder builder = new PdfRendererBuilder()
          .useFastMode()
          .usePDDocument(pdf)
          .withW3cDocument(dom, BASE_URI)
          .withProducer("iotcert")
          .useReplacementText(Sheet.MISSING)
          // Nothing is fetched, whatever the layout says: refused before and after a URI is resolved,
          // no URI resolves, and every stream is refused.
          .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
          .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
          .useUriResolver((base, uri) -> null)
          .useHttpStreamImplementation(NO_STREAMS)
          .useProtocolsStreamImplementation(NO_STREAMS, "http", "https", "file", "jar", "ftp", "data", "classpath");
      PDFontSupplier supplier = new PDFontSupplier(embedded);
      for (String family : FAMILIES) {
        builder.useFont(supplier, family);
      }
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.createPDFWithoutClosing();
      }
      return bytes(pdf, subject, dated, subject + "\n" + body + "\n" + dated + "\n" + reference);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SAXException e) {
      throw new IllegalStateException("The letter layout is not well-formed XHTML", e);
    } finally {
      // Only now: the subset is written from the font when the document is saved.
      font.giveBack(ttf);
    }
  }

  /** Fixed metadata (no clock) and a file identifier from the letter's own text: the same letter gives the same file. */
  private static byte[] bytes(PDDocument pdf, String title, LocalDate dated, String identity) throws IOException {
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(title);
    info.setProducer("iotcert");
    info.setCreator(null);
    Calendar at = GregorianCalendar.from(dated.atStartOfDay(ZoneId.of("Asia/Tokyo")));
    at.setTimeZone(TimeZone.getTimeZone("Asia/Tokyo"));
    info.setCreationDate(at);
    info.setModificationDate(null);
    try {
      COSString id = new COSString(MessageDigest.getInstance("MD5").digest(identity.getBytes(StandardCharsets.UTF_8)));
      COSArray ids = new COSArray();
      ids.add(id);
      ids.add(id);
      pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.save(out);
    return out.toByteArray();
  }

  /**
   * The text with what the font cannot draw (emoji, rare characters) and what XML cannot hold (control
   * characters) shown as 〓, the placeholder of Japanese print: a service name with an emoji must not stop
   * a notice. Line breaks stay; a tab becomes two spaces.
   */
  static String printable(CmapLookup glyphs, String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\n') {
        out.append('\n');
      } else if (cp == '\t') {
        out.append("  ");
      } else if (Character.isISOControl(cp) || Character.isSurrogate((char) cp) && cp <= 0xFFFF
          || cp == 0xFFFE || cp == 0xFFFF || !drawable(glyphs, cp)) {
        out.append(Sheet.MISSING);
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  private static boolean drawable(CmapLookup glyphs, int cp) {
    return cp == ' ' || cp == '\u3000' || glyphs.getGlyphId(cp) != 0;
  }

  /**
   * Every text in the embedded Japanese font, whatever family the layout names: the only font a letter has,
   * and a family the renderer does not know would fall to a Latin font that draws Japanese as nothing.
   */
  private static void oneFont(Document dom) {
    Element style = dom.createElementNS(XHTML, "style");
    style.setTextContent("* { font-family: '" + FAMILIES.get(0) + "' !important; }");
    Element root = dom.getDocumentElement();
    NodeList heads = root.getElementsByTagNameNS(XHTML, "head");
    if (heads.getLength() > 0) {
      heads.item(0).appendChild(style);
    } else {
      root.insertBefore(style, root.getFirstChild());
    }
  }

  /** Every element and attribute that would load something, and CSS that would (url(), @import, escapes). */
  private static void loads(Element element, List<String> problems) {
    String name = localName(element).toLowerCase(Locale.ROOT);
    if (LOADING_ELEMENTS.contains(name)) {
      problems.add("<" + name + "> は使えません（画像、スタイルシート、フォントなどの外部リソースは読み込めません）。");
    }
    if (name.equals("style") && CSS_LOADS.matcher(element.getTextContent()).find()) {
      problems.add("<style> で url(...)、@import、\\ による文字の指定は使えません（外部リソースは読み込めません）。");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String attribute = localName(a).toLowerCase(Locale.ROOT);
      if (LOADING_ATTRIBUTES.contains(attribute)) {
        problems.add("<" + name + "> の属性 " + attribute + " は使えません（外部リソースは読み込めません）。");
      } else if (attribute.equals("style") && CSS_LOADS.matcher(a.getValue()).find()) {
        problems.add("<" + name + "> の style で url(...)、@import、\\ による文字の指定は使えません（外部リソースは読み込めません）。");
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
        loads((Element) children.item(i), problems);
      } else if (children.item(i).getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
        problems.add(PROCESSING_INSTRUCTION);
      }
    }
  }

  private static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  /**
   * One parser per thread, made once: making one costs more than parsing a letter (a timer storm's job
   * threads each reuse theirs). A DocumentBuilder is not safe for two threads at once, hence per thread.
   */
  private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(NoticeLetterPdf::parser);

  /** The layout as filled, as XML: no DOCTYPE, no entities, nothing external (a layout is staff's text). */
  static Document parse(String xhtml) throws SAXException {
    DocumentBuilder parser = PARSERS.get();
    try {
      return parser.parse(new InputSource(new StringReader(xhtml)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      parser.reset();
      quiet(parser);
    }
  }

  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return quiet(factory.newDocumentBuilder());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** No entity is ever resolved, and a malformed layout is reported to staff by the caller, not printed to standard error. */
  private static DocumentBuilder quiet(DocumentBuilder parser) {
    parser.setEntityResolver((publicId, systemId) -> {
      throw new SAXException("No external entities in a letter layout: " + systemId);
    });
    parser.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void fatalError(SAXParseException e) throws SAXException {
        throw e;
      }
    });
    return parser;
  }
}

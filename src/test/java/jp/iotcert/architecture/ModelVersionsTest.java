package jp.iotcert.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A model whose meaning changes gets a new {@code camunda:versionTag}, so Cockpit and the history
 * tell which rules a case ran under. The checked-in list {@code src/test/resources/model-versions.txt}
 * holds one line per model, {@code <file> <versionTag> <sha256>}; the hash is over the model's
 * semantics: the XML without its diagram ({@code bpmndi:BPMNDiagram}, {@code dmndi:DMNDI}), without
 * the versionTag itself, without namespace declarations and the Modeler's bookkeeping (the
 * {@code exporter}/{@code exporterVersion} attributes and the {@code modeler:} namespace), attributes
 * in name order and text with its whitespace collapsed. Moving shapes or re-saving in a newer Modeler
 * needs no new tag; changing a task, flow, condition, listener, form reference or rule does.
 *
 * <p>The test fails when a model's hash differs from its line while its versionTag is the listed one
 * ("give it a new versionTag"), and when a tag changed (or a model was added or removed) but the list
 * was not updated; the message gives the exact line to paste.
 *
 * <p>To update the list after changing a model: bump the model's {@code camunda:versionTag} (every
 * process and decision in the file), run {@code ./mvnw test -Dtest=ModelVersionsTest}, and paste the
 * printed line(s) into {@code src/test/resources/model-versions.txt}. The test also writes the whole
 * list as it should be to {@code target/model-versions.txt}; copying that file over the checked-in one
 * is the same, but check its diff: only the models you changed (with their new tags) may differ.
 */
class ModelVersionsTest {

  static final Path LIST = Path.of("src/test/resources/model-versions.txt");
  private static final String BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI";
  private static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";
  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  private static final Set<String> TOOL_ATTRIBUTES = Set.of("exporter", "exporterVersion");

  @Test
  void everyChangedModelHasANewVersionTag() throws Exception {
    Map<String, Line> listed = listed();
    Map<String, Line> current = new LinkedHashMap<>();
    for (Path file : models()) {
      Line line = lineOf(file);
      current.put(line.file(), line);
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "model-versions.txt"), render(current.values()));

    List<String> failures = new ArrayList<>();
    for (Line line : current.values()) {
      Line before = listed.get(line.file());
      if (line.tag().isEmpty()) {
        failures.add("model " + line.file() + " has no camunda:versionTag: give every process/decision one");
      } else if (before == null) {
        failures.add("model " + line.file() + " is not listed in " + LIST + ": add the line\n    " + line);
      } else if (before.tag().equals(line.tag()) && !before.hash().equals(line.hash())) {
        failures.add("model " + line.file() + " changed: give it a new versionTag (now " + line.tag()
            + "), then list it as\n    " + line.file() + " <new tag> " + line.hash());
      } else if (!before.equals(line)) {
        failures.add("model " + line.file() + " has versionTag " + line.tag() + " but " + LIST + " lists "
            + before.tag() + ": replace its line with\n    " + line);
      }
    }
    for (String file : listed.keySet()) {
      if (!current.containsKey(file)) {
        failures.add(LIST + " lists " + file + ", which no longer exists: remove its line");
      }
    }
    assertThat(failures).as("model versions (the full list as it should be is in target/model-versions.txt)")
        .isEmpty();
  }

  /** Only the meaning counts: moving a shape changes nothing. */
  @Test
  void theHashIgnoresLayoutAndTheTag() throws Exception {
    Path model = Path.of("bpmn/certification-application.bpmn");
    String xml = Files.readString(model);
    Path moved = Files.createTempFile("model", ".bpmn");
    Path changed = Files.createTempFile("model", ".bpmn");
    try {
      Files.writeString(moved, xml.replaceFirst("<dc:Bounds x=\"(\\d+)\"", "<dc:Bounds x=\"$1$1\"")
          .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"other\"").replace("\n", "\n  "));
      Files.writeString(changed, xml.replaceFirst(" name=\"([^\"]+)\"", " name=\"$1 changed\""));
      assertThat(semanticHash(ModelContractTest.parse(moved))).isEqualTo(semanticHash(ModelContractTest.parse(model)));
      assertThat(semanticHash(ModelContractTest.parse(changed))).isNotEqualTo(semanticHash(ModelContractTest.parse(model)));
    } finally {
      Files.deleteIfExists(moved);
      Files.deleteIfExists(changed);
    }
  }

  record Line(String file, String tag, String hash) {
    @Override
    public String toString() {
      return file + " " + tag + " " + hash;
    }
  }

  static List<Path> models() {
    List<Path> models = new ArrayList<>(ModelContractTest.files("bpmn", ".bpmn"));
    models.addAll(ModelContractTest.files("dmn", ".dmn"));
    return models;
  }

  static Line lineOf(Path file) throws Exception {
    Document document = ModelContractTest.parse(file);
    Set<String> tags = new TreeSet<>();
    collectTags(document.getDocumentElement(), tags);
    return new Line(file.toString().replace('\\', '/'), String.join(",", tags), semanticHash(document));
  }

  private static void collectTags(Element element, Set<String> tags) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if ("versionTag".equals(attribute.getLocalName())) {
        tags.add(attribute.getValue());
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        collectTags(e, tags);
      }
    }
  }

  static String semanticHash(Document document) throws Exception {
    StringBuilder canonical = new StringBuilder();
    canonical(document.getDocumentElement(), canonical);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void canonical(Element element, StringBuilder out) {
    if (BPMNDI_NS.equals(element.getNamespaceURI()) && "BPMNDiagram".equals(element.getLocalName())
        || DMNDI_NS.equals(element.getNamespaceURI()) && "DMNDI".equals(element.getLocalName())) {
      return;
    }
    out.append('<').append('{').append(element.getNamespaceURI()).append('}').append(element.getLocalName());
    Map<String, String> attributes = new TreeMap<>();
    NamedNodeMap all = element.getAttributes();
    for (int i = 0; i < all.getLength(); i++) {
      Attr attribute = (Attr) all.item(i);
      String ns = attribute.getNamespaceURI();
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (XMLNS_NS.equals(ns) || MODELER_NS.equals(ns) || "versionTag".equals(name)
          || ns == null && TOOL_ATTRIBUTES.contains(name) || name.startsWith("xmlns")) {
        continue;
      }
      attributes.put((ns == null ? "" : "{" + ns + "}") + name, attribute.getValue());
    }
    attributes.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(value).append('"'));
    out.append('>');
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        canonical(e, out);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String text = child.getNodeValue().strip().replaceAll("\\s+", " ");
        if (!text.isEmpty()) {
          out.append(text);
        }
      }
    }
    out.append("</>");
  }

  private static Map<String, Line> listed() throws IOException {
    Map<String, Line> lines = new LinkedHashMap<>();
    if (!Files.exists(LIST)) {
      return lines;
    }
    for (String text : Files.readAllLines(LIST)) {
      String line = text.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 3) {
        throw new IllegalStateException(LIST + ": not \"file versionTag sha256\": " + line);
      }
      lines.put(parts[0], new Line(parts[0], parts[1], parts[2]));
    }
    return lines;
  }

  private static String render(Iterable<Line> lines) {
    StringBuilder text = new StringBuilder("""
        # Every BPMN and DMN model: file, camunda:versionTag, SHA-256 of its semantics (ModelVersionsTest).
        # A model whose meaning changes needs a new versionTag and a new line here; see ModelVersionsTest's Javadoc.
        """);
    for (Line line : lines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }
}

package jp.iotcert.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.iotcert.api.ApiTestBase;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The contract between the models (bpmn/, dmn/, forms/, .camunda/element-templates/) and the code,
 * checked on the real files against the real application context (the API tests' context, cached):
 * <ul>
 *   <li>every {@code ${bean}} a model names is a Spring bean, and a delegateExpression's bean is a
 *   JavaDelegate, TaskListener or ExecutionListener as its place requires; no {@code camunda:class},
 *   no {@code camunda:expression} that writes variables;</li>
 *   <li>every other name an expression reads (conditions, timers, assignees, collections, element
 *   variables, inputs/outputs, call activity mappings, required-variable properties, DMN inputs) is a
 *   variable declared in its process's constants class: the class in {@code jp.iotcert} named
 *   {@code *Process} whose {@code KEY} is the process id; its other public String constants are the
 *   declared names;</li>
 *   <li>every form field key of a form a process uses ({@code camunda:formRef}) is declared there;</li>
 *   <li>every variable a gateway's conditions read is written somewhere: by a form, a DMN result, an
 *   output parameter, a call activity, or Java ({@code setVariable(XProcess.Y, …)}, {@code putValue},
 *   {@code Map.of(XProcess.Y, …)});</li>
 *   <li>Java never names a variable by a string literal;</li>
 *   <li>every element template's delegateExpression names an existing JavaDelegate bean.</li>
 * </ul>
 * Each failure names the file, the element id and the name, so a modeller can fix it.
 */
class ModelContractTest extends ApiTestBase {

  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String DMN_CAMUNDA_NS = "http://camunda.org/schema/1.0/dmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)\\}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)(?!\\w)(\\s*\\()?");
  private static final Pattern GET_VARIABLE = Pattern.compile("getVariable(?:Local|Typed)?\\(\\s*'([^']*)'");
  private static final Pattern SHARED_WRITE = Pattern.compile("setVariable(?:Local)?\\(\\s*(\\w+)\\.([A-Z_0-9]+)");
  private static final Pattern SET_VARIABLE_IN_EXPRESSION = Pattern.compile("setVariable(?:Local)?\\(\\s*'([^']*)'");
  /** JUEL operators and literals, FEEL keywords, and the names the engine itself provides to expressions. */
  private static final Set<String> NOT_VARIABLES = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "empty", "div", "mod", "true", "false", "null", "instanceof", "if", "then", "else", "in", "for", "some", "every",
      "satisfies", "instance", "of", "between", "function", "return", "execution", "task", "externalTask",
      "caseExecution", "authenticatedUserId", "variableScope");

  @Autowired ApplicationContext context;

  /** Constants class per process id. */
  private Map<String, Class<?>> constantsByProcess;
  /** Constants classes by simple name (for the Java scan). */
  private Map<String, Class<?>> constantsBySimpleName;
  /** Other classes of the application by simple name: a delegate shared by processes names its variable there. */
  private Map<String, Class<?>> sharedBySimpleName;
  private List<Model> models;

  @BeforeEach
  void readModels() throws Exception {
    constantsByProcess = new LinkedHashMap<>();
    constantsBySimpleName = new LinkedHashMap<>();
    sharedBySimpleName = new LinkedHashMap<>();
    for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("jp.iotcert")) {
      if (type.getSimpleName().endsWith("Process") && type.isTopLevelClass()) {
        Class<?> constants = type.reflect();
        constantsBySimpleName.put(constants.getSimpleName(), constants);
        Object key = constant(constants, "KEY");
        if (key != null) {
          constantsByProcess.put(key.toString(), constants);
        }
      } else if (type.isTopLevelClass()) {
        sharedBySimpleName.put(type.getSimpleName(), type.reflect());
      }
    }
    models = new ArrayList<>();
    for (Path file : files("bpmn", ".bpmn")) {
      Bpmn.readModelFromFile(file.toFile()); // a model the engine cannot read fails here
      models.add(new Model(file, parse(file)));
    }
  }

  // Beans ----------------------------------------------------------------------------------------

  @Test
  void delegateExpressionsNameBeansOfTheRightKind() {
    List<String> failures = new ArrayList<>();
    for (Model model : models) {
      for (Element element : model.all()) {
        String where = model.where(element);
        if (camunda(element, "class") != null) {
          failures.add(where + ": camunda:class=\"" + camunda(element, "class")
              + "\"; use camunda:delegateExpression=\"${beanName}\" with a @Component(\"beanName\")");
        }
        String expressionAttribute = camunda(element, "expression");
        if (expressionAttribute != null && SET_VARIABLE_IN_EXPRESSION.matcher(expressionAttribute).find()) {
          failures.add(where + ": camunda:expression=\"" + expressionAttribute
              + "\" writes a variable; use a delegate or listener");
        }
        String delegate = camunda(element, "delegateExpression");
        if (delegate == null) {
          continue;
        }
        Matcher bean = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}").matcher(delegate);
        if (!bean.matches()) {
          failures.add(where + ": delegateExpression \"" + delegate + "\" is not of the form ${beanName}");
          continue;
        }
        Class<?> kind = switch (element.getLocalName()) {
          case "taskListener" -> TaskListener.class;
          case "executionListener" -> ExecutionListener.class;
          default -> JavaDelegate.class;
        };
        String problem = beanProblem(bean.group(1), kind);
        if (problem != null) {
          failures.add(where + ": delegateExpression ${" + bean.group(1) + "} " + problem);
        }
      }
    }
    assertThat(failures).as("delegate expressions").isEmpty();
  }

  @Test
  void elementTemplatesNameExistingDelegates() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    for (Path file : files(".camunda/element-templates", ".json")) {
      JsonNode root = json.readTree(file.toFile());
      for (JsonNode template : root.isArray() ? root : List.of(root)) {
        for (JsonNode property : template.path("properties")) {
          if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
            String value = property.path("value").asText();
            Matcher bean = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}").matcher(value);
            String problem = bean.matches() ? beanProblem(bean.group(1), JavaDelegate.class) : "is not ${beanName}";
            if (problem != null) {
              failures.add(file + " (template " + template.path("id").asText() + "): delegateExpression \"" + value
                  + "\" " + problem);
            }
          }
        }
      }
    }
    assertThat(failures).as("element templates").isEmpty();
  }

  private String beanProblem(String name, Class<?> kind) {
    if (!context.containsBean(name)) {
      return "names no Spring bean";
    }
    Class<?> type = context.getType(name);
    if (type == null || !kind.isAssignableFrom(type)) {
      return "is a " + (type == null ? "bean of unknown type" : type.getName()) + ", not a " + kind.getSimpleName();
    }
    return null;
  }

  // Declared variables ---------------------------------------------------------------------------

  @Test
  void modelsReadOnlyDeclaredVariables() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Model model : models) {
      for (Element process : model.processes()) {
        String key = process.getAttribute("id");
        Set<String> declared = declared(key);
        if (declared == null) {
          failures.add(model.file + ", process " + key + ": no constants class (a class *Process in jp.iotcert whose "
              + "KEY is \"" + key + "\")");
          continue;
        }
        for (Element element : descendants(process)) {
          String where = model.where(element);
          for (String name : variablesRead(element)) {
            if (!declared.contains(name) && !context.containsBean(name)) {
              failures.add(where + ": reads \"" + name + "\", neither a bean nor a variable declared in "
                  + constantsByProcess.get(key).getSimpleName());
            }
          }
          for (String name : variablesNamed(element)) {
            if (!declared.contains(name)) {
              failures.add(where + ": names variable \"" + name + "\", not declared in "
                  + constantsByProcess.get(key).getSimpleName());
            }
          }
          // A call activity's mappings into and out of the child name the child's variables.
          if ("callActivity".equals(element.getLocalName())) {
            String child = element.getAttribute("calledElement");
            Set<String> childDeclared = declared(child);
            for (Element mapping : children(element, "in", "out")) {
              String name = "in".equals(mapping.getLocalName()) ? mapping.getAttribute("target") : mapping.getAttribute("source");
              if (name.isEmpty()) {
                continue;
              }
              if (childDeclared == null) {
                failures.add(where + ": maps \"" + name + "\" into process " + child + ", which has no constants class");
              } else if (!childDeclared.contains(name)) {
                failures.add(where + ": maps \"" + name + "\" of process " + child + ", not declared in "
                    + constantsByProcess.get(child).getSimpleName());
              }
            }
          }
        }
      }
    }
    failures.addAll(dmnInputsAreDeclared());
    assertThat(failures).as("variables read by the models").isEmpty();
  }

  /** A decision's input expressions read variables of every process whose business rule task calls it. */
  private List<String> dmnInputsAreDeclared() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Path file : files("dmn", ".dmn")) {
      Dmn.readModelFromFile(file.toFile());
      Document dmn = parse(file);
      for (Element decision : byLocalName(dmn.getDocumentElement(), "decision")) {
        String decisionId = decision.getAttribute("id");
        Set<String> callers = new TreeSet<>();
        for (Model model : models) {
          for (Element process : model.processes()) {
            for (Element element : descendants(process)) {
              if (decisionId.equals(camunda(element, "decisionRef"))) {
                callers.add(process.getAttribute("id"));
              }
            }
          }
        }
        Set<String> local = new LinkedHashSet<>();
        for (Element input : byLocalName(decision, "input")) {
          if (input.hasAttributeNS(DMN_CAMUNDA_NS, "inputVariable")) {
            local.add(input.getAttributeNS(DMN_CAMUNDA_NS, "inputVariable"));
          }
        }
        for (Element expression : byLocalName(decision, "inputExpression")) {
          String text = expression.getTextContent().strip();
          Element input = (Element) expression.getParentNode();
          for (String name : identifiers(text)) {
            if (local.contains(name) || context.containsBean(name)) {
              continue;
            }
            for (String caller : callers) {
              Set<String> declared = declared(caller);
              if (declared != null && !declared.contains(name)) {
                failures.add(file + ", decision " + decisionId + ", input " + input.getAttribute("id") + ": reads \""
                    + name + "\", not declared in " + constantsByProcess.get(caller).getSimpleName()
                    + " (process " + caller + " calls it)");
              }
            }
          }
        }
      }
    }
    return failures;
  }

  @Test
  void formFieldsAreDeclaredVariablesOfTheirProcess() throws IOException {
    Map<String, Set<String>> keysByForm = formKeys();
    List<String> failures = new ArrayList<>();
    for (Model model : models) {
      for (Element process : model.processes()) {
        String key = process.getAttribute("id");
        Set<String> declared = declared(key);
        for (Element element : descendants(process)) {
          String form = camunda(element, "formRef");
          if (form == null) {
            continue;
          }
          Set<String> fields = keysByForm.get(form);
          if (fields == null) {
            failures.add(model.where(element) + ": formRef \"" + form + "\" names no form in forms/");
            continue;
          }
          for (String field : fields) {
            if (declared == null || !declared.contains(field)) {
              failures.add(model.where(element) + ", form " + form + ": field key \"" + field + "\" is not declared in "
                  + (declared == null ? "a constants class of " + key : constantsByProcess.get(key).getSimpleName()));
            }
          }
        }
      }
    }
    assertThat(failures).as("form field keys").isEmpty();
  }

  // Gateways -------------------------------------------------------------------------------------

  @Test
  void gatewayConditionsReadWrittenVariables() throws IOException {
    Map<String, Set<String>> written = written();
    List<String> failures = new ArrayList<>();
    for (Model model : models) {
      for (Element process : model.processes()) {
        String key = process.getAttribute("id");
        Set<String> writes = written.getOrDefault(key, Set.of());
        Map<String, Element> byId = new LinkedHashMap<>();
        for (Element element : descendants(process)) {
          if (!element.getAttribute("id").isEmpty()) {
            byId.put(element.getAttribute("id"), element);
          }
        }
        for (Element flow : byLocalName(process, "sequenceFlow")) {
          Element source = byId.get(flow.getAttribute("sourceRef"));
          if (source == null || !source.getLocalName().endsWith("Gateway")) {
            continue;
          }
          for (Element condition : children(flow, "conditionExpression")) {
            for (String name : variablesRead(condition)) {
              if (!writes.contains(name) && !context.containsBean(name)) {
                failures.add(model.file + ", gateway " + source.getAttribute("id") + ", flow " + flow.getAttribute("id")
                    + ": the condition reads \"" + name + "\", which nothing writes (no form, DMN result, output, "
                    + "call activity or Java setVariable)");
              }
            }
          }
        }
      }
    }
    assertThat(failures).as("gateway conditions").isEmpty();
  }

  /** Per process id, the variables something writes. */
  private Map<String, Set<String>> written() throws IOException {
    Map<String, Set<String>> keysByForm = formKeys();
    Map<String, Set<String>> written = new LinkedHashMap<>();
    Map<String, List<String>> allInto = new LinkedHashMap<>(); // child <- parents with <camunda:in variables="all">
    for (Model model : models) {
      for (Element process : model.processes()) {
        String key = process.getAttribute("id");
        Set<String> writes = written.computeIfAbsent(key, k -> new TreeSet<>());
        for (Element element : descendants(process)) {
          String form = camunda(element, "formRef");
          if (form != null) {
            writes.addAll(keysByForm.getOrDefault(form, Set.of()));
          }
          String result = camunda(element, "resultVariable");
          if (result != null) {
            writes.add(result);
          }
          for (String name : List.of("errorCodeVariable", "errorMessageVariable")) {
            if (camunda(element, name) != null) {
              writes.add(camunda(element, name));
            }
          }
          if ("outputParameter".equals(element.getLocalName())) {
            writes.add(element.getAttribute("name"));
          }
          for (Matcher m = SET_VARIABLE_IN_EXPRESSION.matcher(texts(element)); m.find(); ) {
            writes.add(m.group(1));
          }
          if ("callActivity".equals(element.getLocalName())) {
            String child = element.getAttribute("calledElement");
            for (Element mapping : children(element, "in", "out")) {
              if ("out".equals(mapping.getLocalName()) && !mapping.getAttribute("target").isEmpty()) {
                writes.add(mapping.getAttribute("target"));
              } else if ("in".equals(mapping.getLocalName()) && !mapping.getAttribute("target").isEmpty()) {
                written.computeIfAbsent(child, k -> new TreeSet<>()).add(mapping.getAttribute("target"));
              } else if ("in".equals(mapping.getLocalName()) && "all".equals(mapping.getAttribute("variables"))) {
                allInto.computeIfAbsent(child, k -> new ArrayList<>()).add(key);
              }
            }
          }
        }
      }
    }
    // Java writes, resolved to the constants' values and credited to the constants class's process.
    List<Pattern> javaWrites = List.of(
        Pattern.compile("setVariable(?:Local)?\\(\\s*(\\w+Process)\\.([A-Z_0-9]+)"),
        Pattern.compile("putValue(?:Typed)?\\(\\s*(\\w+Process)\\.([A-Z_0-9]+)"),
        // a map of start or correlation variables filled entry by entry
        Pattern.compile("\\.put\\(\\s*(\\w+Process)\\.([A-Z_0-9]+)"));
    Pattern inMap = Pattern.compile("(\\w+Process)\\.([A-Z_0-9]+)\\s*,");
    for (Path file : javaSources()) {
      String text = Files.readString(file);
      List<Matcher> matches = new ArrayList<>();
      for (Pattern write : javaWrites) {
        matches.add(write.matcher(text));
      }
      for (int at = text.indexOf("Map.of("); at >= 0; at = text.indexOf("Map.of(", at + 1)) {
        matches.add(inMap.matcher(balanced(text, at + "Map.of(".length() - 1)));
      }
      // Variables.createVariables() chains putValue (above); a constant given otherwise within the statement counts too.
      for (int at = text.indexOf("Variables.createVariables()"); at >= 0;
          at = text.indexOf("Variables.createVariables()", at + 1)) {
        int end = text.indexOf(';', at);
        matches.add(inMap.matcher(text.substring(at, end < 0 ? text.length() : end)));
      }
      // Constants imported statically (import static …XProcess.NAME or .*) may appear unqualified.
      Map<String, String> staticImports = new LinkedHashMap<>();
      for (Matcher m = Pattern.compile("import\\s+static\\s+[\\w.]+\\.(\\w+Process)\\.(\\w+|\\*)\\s*;").matcher(text);
          m.find(); ) {
        staticImports.put(m.group(2), m.group(1));
      }
      if (!staticImports.isEmpty()) {
        StringBuilder qualified = new StringBuilder();
        Matcher bare = Pattern.compile("(?<![\\w.])([A-Z][A-Z_0-9]*)(?=\\s*[,)])").matcher(text);
        while (bare.find()) {
          String owner = staticImports.getOrDefault(bare.group(1), staticImports.get("*"));
          bare.appendReplacement(qualified, Matcher.quoteReplacement(owner == null ? bare.group(1)
              : owner + "." + bare.group(1)));
        }
        bare.appendTail(qualified);
        String expanded = qualified.toString();
        for (Pattern write : javaWrites) {
          matches.add(write.matcher(expanded));
        }
        for (int at = expanded.indexOf("Map.of("); at >= 0; at = expanded.indexOf("Map.of(", at + 1)) {
          matches.add(inMap.matcher(balanced(expanded, at + "Map.of(".length() - 1)));
        }
      }
      for (Matcher m : matches) {
        while (m.find()) {
          Class<?> constants = constantsBySimpleName.get(m.group(1));
          Object value = constants == null ? null : constant(constants, m.group(2));
          Object key = constants == null ? null : constant(constants, "KEY");
          if (value != null && key != null) {
            written.computeIfAbsent(key.toString(), k -> new TreeSet<>()).add(value.toString());
          }
        }
      }
      // A delegate shared by several processes (e.g. 「認定の状態を確かめる」) writes a name kept beside it;
      // the write counts for each process that declares that name in its own constants class.
      for (Matcher m = SHARED_WRITE.matcher(text); m.find(); ) {
        Class<?> owner = sharedBySimpleName.get(m.group(1));
        Object value = owner == null ? null : sharedConstant(owner, m.group(2));
        if (value != null) {
          constantsByProcess.keySet().forEach(key -> {
            if (declared(key).contains(value.toString())) {
              written.computeIfAbsent(key, k -> new TreeSet<>()).add(value.toString());
            }
          });
        }
      }
    }
    for (int round = 0; round < 3; round++) {
      allInto.forEach((child, parents) -> parents.forEach(parent ->
          written.computeIfAbsent(child, k -> new TreeSet<>()).addAll(written.getOrDefault(parent, Set.of()))));
    }
    return written;
  }

  /** The text of a call from its opening parenthesis to the matching closing one. */
  private static String balanced(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return text.substring(open, i + 1);
      }
    }
    return text.substring(open);
  }

  // Java -----------------------------------------------------------------------------------------

  @Test
  void javaNamesNoVariableByAStringLiteral() throws IOException {
    Pattern literal = Pattern.compile("(?:get|set|remove)Variable(?:Local|Typed)?\\(\\s*\"|\\.setVariable\\(\"");
    List<String> failures = new ArrayList<>();
    for (Path file : javaSources()) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (literal.matcher(lines.get(i)).find()) {
          failures.add(file + ":" + (i + 1) + ": a variable named by a string literal; use the process's constant: "
              + lines.get(i).strip());
        }
      }
      // A call split over lines: the literal on the line after the parenthesis.
      Matcher split = Pattern.compile("(?:get|set|remove)Variable(?:Local|Typed)?\\(\\s*\\n\\s*\"").matcher(
          Files.readString(file));
      while (split.find()) {
        failures.add(file + ": a variable named by a string literal across lines near \"" + split.group().strip() + "\"");
      }
    }
    assertThat(failures).as("string-literal variable names in src/main/java").isEmpty();
  }

  // Reading the models -----------------------------------------------------------------------------

  /** The variable names an element's expressions read (excluding the names of beans, which the caller checks). */
  private static Set<String> variablesRead(Element element) {
    Set<String> names = new LinkedHashSet<>();
    List<String> expressions = new ArrayList<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if ("delegateExpression".equals(attribute.getLocalName())) {
        continue; // beans, checked by delegateExpressionsNameBeansOfTheRightKind
      }
      expressions.add(attribute.getValue());
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        expressions.add(child.getNodeValue());
      }
    }
    for (String text : expressions) {
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        for (Matcher m = GET_VARIABLE.matcher(expression.group(1)); m.find(); ) {
          names.add(m.group(1));
        }
        names.addAll(identifiers(expression.group(1)));
      }
    }
    // A collection given by name rather than by an expression is a variable.
    String collection = camunda(element, "collection");
    if (collection != null && !collection.contains("{")) {
      names.add(collection.strip());
    }
    if ("in".equals(element.getLocalName()) && CAMUNDA_NS.equals(element.getNamespaceURI())
        && !element.getAttribute("source").isEmpty()) {
      names.add(element.getAttribute("source"));
    }
    return names;
  }

  /** Names an element gives to variables of its process: element variables, results, inputs/outputs, mappings. */
  private static Set<String> variablesNamed(Element element) {
    Set<String> names = new LinkedHashSet<>();
    for (String attribute : List.of("elementVariable", "resultVariable", "errorCodeVariable", "errorMessageVariable")) {
      if (camunda(element, attribute) != null) {
        names.add(camunda(element, attribute));
      }
    }
    if (CAMUNDA_NS.equals(element.getNamespaceURI())) {
      switch (element.getLocalName()) {
        case "inputParameter", "outputParameter" -> names.add(element.getAttribute("name"));
        case "out" -> {
          if (!element.getAttribute("target").isEmpty()) {
            names.add(element.getAttribute("target"));
          }
        }
        case "property" -> {
          if ("requiredVariables".equals(element.getAttribute("name"))) {
            for (String name : element.getAttribute("value").split(",")) {
              if (!name.isBlank()) {
                names.add(name.strip());
              }
            }
          }
        }
        default -> { }
      }
      for (Matcher m = SET_VARIABLE_IN_EXPRESSION.matcher(element.getAttribute("expression")); m.find(); ) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** Identifiers an expression reads at its top level: not members (after a dot), not functions, not literals. */
  private static Set<String> identifiers(String expression) {
    String code = STRING_LITERAL.matcher(expression).replaceAll("''");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(code);
    while (m.find()) {
      String name = m.group(1);
      if (m.group(2) != null || NOT_VARIABLES.contains(name) || Character.isDigit(name.charAt(0))) {
        continue;
      }
      names.add(name);
    }
    return names;
  }

  private static Map<String, Set<String>> formKeys() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> keys = new LinkedHashMap<>();
    for (Path file : files("forms", ".form")) {
      JsonNode form = json.readTree(file.toFile());
      Set<String> fields = new TreeSet<>();
      collectKeys(form.path("components"), fields);
      keys.put(form.path("id").asText(), fields);
    }
    return keys;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  private Set<String> declared(String processKey) {
    Class<?> constants = constantsByProcess.get(processKey);
    if (constants == null) {
      return null;
    }
    Set<String> names = new TreeSet<>();
    for (Field field : constants.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
          && field.getType() == String.class && !"KEY".equals(field.getName())) {
        names.add((String) constant(constants, field.getName()));
      }
    }
    return names;
  }

  /** A static String constant of any visibility (a shared delegate's variable name kept beside it). */
  private static Object sharedConstant(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        return null;
      }
      field.setAccessible(true);
      return field.get(null);
    } catch (NoSuchFieldException e) {
      return null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object constant(Class<?> type, String name) {
    try {
      Field field = type.getField(name);
      return Modifier.isStatic(field.getModifiers()) && field.getType() == String.class ? field.get(null) : null;
    } catch (NoSuchFieldException e) {
      return null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Camunda attribute: prefixed on BPMN elements (camunda:formRef), plain on Camunda's own (listeners, in/out). */
  private static String camunda(Element element, String attribute) {
    if (CAMUNDA_NS.equals(element.getNamespaceURI()) && element.hasAttribute(attribute)) {
      return element.getAttribute(attribute);
    }
    return element.hasAttributeNS(CAMUNDA_NS, attribute) ? element.getAttributeNS(CAMUNDA_NS, attribute) : null;
  }

  private static String texts(Element element) {
    StringBuilder text = new StringBuilder();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      text.append(attributes.item(i).getNodeValue()).append('\n');
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue()).append('\n');
      }
    }
    return text.toString();
  }

  private static List<Element> children(Element parent, String... localNames) {
    List<Element> found = new ArrayList<>();
    for (Element element : descendants(parent)) {
      if (List.of(localNames).contains(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static List<Element> byLocalName(Element root, String localName) {
    return children(root, localName);
  }

  private static List<Element> descendants(Element root) {
    List<Element> all = new ArrayList<>();
    NodeList nodes = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < nodes.getLength(); i++) {
      all.add((Element) nodes.item(i));
    }
    return all;
  }

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  static List<Path> files(String directory, String suffix) {
    try (Stream<Path> files = Files.list(Path.of(directory))) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> javaSources() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** A BPMN file: its processes and, for messages, the element a node belongs to. */
  private record Model(Path file, Document document) {

    List<Element> processes() {
      List<Element> processes = new ArrayList<>();
      NodeList nodes = document.getElementsByTagNameNS(BPMN_NS, "process");
      for (int i = 0; i < nodes.getLength(); i++) {
        processes.add((Element) nodes.item(i));
      }
      return processes;
    }

    List<Element> all() {
      List<Element> all = new ArrayList<>();
      for (Element process : processes()) {
        all.addAll(descendants(process));
      }
      return all;
    }

    /** "bpmn/x.bpmn, element Task_Y" for the nearest enclosing element with an id. */
    String where(Element element) {
      Node node = element;
      while (node instanceof Element e && e.getAttribute("id").isEmpty()) {
        node = node.getParentNode();
      }
      String id = node instanceof Element e ? e.getAttribute("id") : "?";
      String detail = element.getLocalName().equals(node instanceof Element e ? e.getLocalName() : "")
          ? "" : " (" + element.getLocalName() + ")";
      return file + ", element " + id + detail;
    }
  }
}

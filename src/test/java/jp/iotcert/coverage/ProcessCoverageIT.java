package jp.iotcert.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * Runs after the process tests (failsafe, in `verify`): merges the coverage reports they wrote to
 * target/process-test-coverage, prints flow-node and sequence-flow coverage per process, and fails
 * unless every flow node of every model in bpmn/ was passed by some test.
 */
class ProcessCoverageIT {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");
  private static final Path MODELS = Path.of("bpmn");

  @Test
  void everyFlowNodeOfEveryProcessIsCovered() throws IOException {
    assertThat(REPORTS).as("coverage reports of the process tests (run `./mvnw verify`)").isDirectory();
    Map<String, Set<String>> covered = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(REPORTS)) {
      for (Path report : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
        JsonNode root = json.readTree(report.toFile());
        for (JsonNode suite : root.path("suites")) {
          for (JsonNode run : suite.path("runs")) {
            for (JsonNode event : run.path("events")) {
              covered.computeIfAbsent(event.path("modelKey").asText(), k -> new TreeSet<>())
                  .add(event.path("definitionKey").asText());
            }
          }
        }
      }
    }

    Map<String, Set<String>> missing = new TreeMap<>();
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          String key = process.getId();
          Set<String> seen = covered.getOrDefault(key, Set.of());
          List<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();
          List<String> flows = model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList();
          long nodesCovered = nodes.stream().filter(seen::contains).count();
          long flowsCovered = flows.stream().filter(seen::contains).count();
          System.out.printf("Process coverage %-28s flow nodes %3d/%3d (%5.1f%%)  sequence flows %3d/%3d (%5.1f%%)%n",
              key, nodesCovered, nodes.size(), 100.0 * nodesCovered / nodes.size(), flowsCovered, flows.size(),
              flows.isEmpty() ? 100.0 : 100.0 * flowsCovered / flows.size());
          nodes.stream().filter(n -> !seen.contains(n)).forEach(n -> missing.computeIfAbsent(key, k -> new TreeSet<>()).add(n));
        }
      }
    }
    assertThat(missing).as("flow nodes no test passed").isEmpty();
  }
}

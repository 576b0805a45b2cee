package io.cachepair.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cachepair.operator.dependent.PairPorts;
import io.cachepair.operator.dependent.WkaServiceDependent;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code manifests/monitoring/}: the ServiceMonitors select what the operator renders and serves
 * (the WKA Services' management port, the operator Service's metrics port), and the Grafana
 * dashboard queries only metrics that exist and that docs/operations.md lists.
 */
class MonitoringManifestsTest {

  private static final Path DIR = Pairs.REPO.resolve("manifests/monitoring");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void membersMonitor_selectsTheWkaServices_onTheirManagementPort() throws IOException {
    JsonNode monitor = YAML.readTree(DIR.resolve("servicemonitor-pairs.yaml").toFile());
    Service wka = WkaServiceDependent.desired(Pairs.minimal("food"));

    assertThat(monitor.path("kind").asText()).isEqualTo("ServiceMonitor");
    Map<String, String> selector =
        YAML.convertValue(monitor.at("/spec/selector/matchLabels"), Map.class);
    assertThat(wka.getMetadata().getLabels()).containsAllEntriesOf(selector);
    assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo(PairPorts.MANAGEMENT_NAME);
    assertThat(wka.getSpec().getPorts())
        .anySatisfy(p -> assertThat(p.getName()).isEqualTo(PairPorts.MANAGEMENT_NAME));
    assertThat(wka.getSpec().getPublishNotReadyAddresses()).isTrue();
  }

  @Test
  void operatorMonitor_selectsTheOperatorService_onItsMetricsPort() throws IOException {
    JsonNode monitor = YAML.readTree(DIR.resolve("servicemonitor-operator.yaml").toFile());
    Service service =
        Serialization.unmarshal(
            Files.readString(Pairs.REPO.resolve("manifests/operator-service.yaml")), Service.class);

    Map<String, String> selector =
        YAML.convertValue(monitor.at("/spec/selector/matchLabels"), Map.class);
    assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selector);
    assertThat(service.getSpec().getPorts())
        .anySatisfy(
            p -> assertThat(p.getName()).isEqualTo(monitor.at("/spec/endpoints/0/port").asText()));
  }

  @Test
  void dashboard_queriesOnlyMetricsTheDocsList() throws IOException {
    JsonNode dashboard =
        new ObjectMapper().readTree(DIR.resolve("grafana-dashboard.json").toFile());
    List<String> exprs = new ArrayList<>();
    collectExprs(dashboard, exprs);
    Set<String> metrics = new TreeSet<>();
    Matcher m =
        Pattern.compile("\\b((?:cachepair|operator_sdk)_[a-z_]+)").matcher(String.join(" ", exprs));
    while (m.find()) {
      metrics.add(m.group(1).replaceAll("_(sum|count|max|bucket)$", ""));
    }
    String docs = Files.readString(Pairs.REPO.resolve("docs/operations.md"));

    assertThat(exprs).hasSizeGreaterThan(10);
    assertThat(metrics).allSatisfy(metric -> assertThat(docs).contains("`" + metric));
  }

  private static void collectExprs(JsonNode node, List<String> out) {
    if (node.isObject()) {
      if (node.has("expr")) {
        out.add(node.get("expr").asText());
      }
      Iterator<JsonNode> children = node.elements();
      children.forEachRemaining(c -> collectExprs(c, out));
    } else if (node.isArray()) {
      node.forEach(c -> collectExprs(c, out));
    }
  }
}

package io.cachepair.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML under manifests/ (but monitoring/) and crds/ parses into a known type with no unknown
 * field.
 */
class ManifestsParseTest {

  static Stream<Path> yamlFiles() throws IOException {
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(Pairs.REPO.resolve("manifests")), Files.walk(Pairs.REPO.resolve("crds")))) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
          // Prometheus Operator kinds, checked by MonitoringManifestsTest
          .filter(p -> !p.startsWith(Pairs.REPO.resolve("manifests/monitoring")))
          .toList()
          .stream();
    }
  }

  static Stream<Path> exampleFiles() throws IOException {
    return yamlFiles().filter(p -> p.startsWith(Pairs.REPO.resolve("manifests/examples")));
  }

  private static KubernetesSerialization serialization() {
    KubernetesSerialization serialization = new KubernetesSerialization();
    serialization.registerKubernetesResource(CachedServicePair.class);
    return serialization;
  }

  @ParameterizedTest
  @MethodSource("yamlFiles")
  void manifest_parsesIntoKnownTypesWithoutUnknownFields(Path file) throws IOException {
    List<?> items = documents(serialization(), file);
    assertThat(items).isNotEmpty();
    for (Object item : items) {
      assertThat(item)
          .isInstanceOf(HasMetadata.class)
          .isNotInstanceOf(GenericKubernetesResource.class);
      assertThat(UnknownFields.of(item)).as(file.toString()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void exampleCustomResource_hasNoFieldTheApiTypesDoNotKnow(Path file) throws IOException {
    ObjectMapper strict =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    List<CachedServicePair> pairs = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        strict.readerFor(JsonNode.class).readValues(file.toFile())) {
      for (JsonNode doc : docs.readAll()) {
        if ("CachedServicePair".equals(doc.path("kind").asText())) {
          pairs.add(strict.treeToValue(doc, CachedServicePair.class));
        }
      }
    }
    assertThat(pairs).as(file.toString()).isNotEmpty();
    assertThat(pairs).allSatisfy(p -> assertThat(p.getSpec().getMenu().getImage()).isNotBlank());
  }

  @ParameterizedTest
  @MethodSource("yamlFiles")
  void manifest_reserializesWithoutLosingFields(Path file) throws IOException {
    KubernetesSerialization serialization = serialization();
    for (Object parsed : documents(serialization, file)) {
      Object reparsed = serialization.unmarshal(serialization.asYaml(parsed));
      assertThat(serialization.asJson(reparsed)).isEqualTo(serialization.asJson(parsed));
    }
  }

  /** The documents of a YAML file, one or several (separated by {@code ---}). */
  private static List<?> documents(KubernetesSerialization serialization, Path file)
      throws IOException {
    Object parsed = serialization.unmarshal(Files.readString(file));
    return parsed instanceof List<?> list ? list : List.of(parsed);
  }
}

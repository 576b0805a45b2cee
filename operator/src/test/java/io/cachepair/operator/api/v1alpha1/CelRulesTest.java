package io.cachepair.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the CEL rules of the committed CRD ({@code x-kubernetes-validations} on {@code spec}
 * and on {@code spec.menu}/{@code spec.order}) with Google's CEL implementation, as the API server
 * does on create and update, against resources it must accept and resources it must refuse with a
 * message a person understands. Defaults are in the objects already (the Java types carry them, as
 * the API server applies the CRD's before validating).
 */
class CelRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  @Test
  void examples_postgresqlSecretsAndPersistentH2_areAccepted() {
    assertThat(refusals(Pairs.foodDelivery().getSpec())).isEmpty();
    assertThat(refusals(Pairs.minimal("food").getSpec())).isEmpty();
    CachedServicePairSpec persistent = embedded("menu-data", "order-data");
    persistent.getRollout().setStrategy(RolloutStrategy.Recreate);
    assertThat(refusals(persistent)).isEmpty();
  }

  @Test
  void embeddedDatabase_withoutClaim_isRefusedPointingAtClaimOrPostgres() {
    CachedServicePairSpec spec = embedded(null, "order-data");
    spec.getRollout().setStrategy(RolloutStrategy.Recreate);

    assertThat(refusals(spec))
        .containsExactly(
            ".menu.database: menu: an embedded database must live on a volume claim"
                + " (database.embedded.claimName), or it is lost with the pod; for PostgreSQL set"
                + " database.secretName instead");
  }

  @Test
  void noDatabaseAtAll_meansEmbedded_andIsRefused() {
    CachedServicePairSpec spec = Pairs.minimal("food").getSpec();
    spec.getOrder().setDatabase(null);

    assertThat(refusals(spec))
        .anySatisfy(m -> assertThat(m).startsWith(".order.database: order: an embedded database"))
        .anySatisfy(m -> assertThat(m).startsWith(".rollout.strategy: an embedded database"));
  }

  @Test
  void embeddedDatabase_twoReplicas_isRefusedSayingOnePodOpensTheFile() {
    CachedServicePairSpec spec = embedded("menu-data", "order-data");
    spec.getRollout().setStrategy(RolloutStrategy.Recreate);
    spec.getOrder().setReplicas(2);

    assertThat(refusals(spec))
        .containsExactly(
            ".order.replicas: order: an embedded database is one file that only one pod can open:"
                + " replicas must be 1 (for more, use PostgreSQL through database.secretName)");
  }

  @Test
  void embeddedDatabase_rollingUpdate_isRefusedAskingForRecreate() {
    CachedServicePairSpec spec = embedded("menu-data", "order-data");

    assertThat(refusals(spec))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith(".rollout.strategy: an embedded database cannot be rolled")
                    .contains("set rollout.strategy: Recreate"));
  }

  @Test
  void env_operatorOwnedName_isRefused_othersPass() {
    CachedServicePairSpec spec = Pairs.minimal("food").getSpec();
    spec.getMenu()
        .setEnv(
            List.of(new EnvVarBuilder().withName("COHERENCE_LOG_LEVEL").withValue("6").build()));
    assertThat(refusals(spec)).isEmpty();

    for (String owned : ServiceSpec.OWNED_ENV) {
      spec.getOrder().setEnv(List.of(new EnvVarBuilder().withName(owned).withValue("x").build()));
      assertThat(refusals(spec))
          .as(owned)
          .singleElement()
          .satisfies(
              m -> assertThat(m).startsWith(".order.env: env sets a variable the operator owns"));
    }
  }

  /** The messages of every rule of the committed CRD that {@code spec} breaks. */
  private static final JSONSchemaProps SCHEMA =
      Pairs.crd()
          .getSpec()
          .getVersions()
          .get(0)
          .getSchema()
          .getOpenAPIV3Schema()
          .getProperties()
          .get("spec");

  private static final Map<String, CelRuntime.Program> PROGRAMS = new java.util.HashMap<>();

  private static List<String> refusals(CachedServicePairSpec spec) {
    JSONSchemaProps schema = SCHEMA;
    Map<String, Object> self = longs(JSON.convertValue(spec, Map.class));
    List<String> broken = new ArrayList<>();
    check(schema.getXKubernetesValidations(), self, "", broken);
    for (String service : List.of("menu", "order")) {
      check(
          schema.getProperties().get(service).getXKubernetesValidations(),
          (Map<?, ?>) self.get(service),
          "." + service,
          broken);
    }
    return broken;
  }

  private static void check(
      List<ValidationRule> rules, Object self, String at, List<String> broken) {
    for (ValidationRule rule : rules) {
      if (rule.getRule().contains("oldSelf")) {
        continue; // transition rules need an update
      }
      try {
        CelRuntime.Program program = PROGRAMS.get(rule.getRule());
        if (program == null) {
          program = RUNTIME.createProgram(COMPILER.compile(rule.getRule()).getAst());
          PROGRAMS.put(rule.getRule(), program);
        }
        Object ok = program.eval(Map.of("self", self));
        if (!Boolean.TRUE.equals(ok)) {
          String path = rule.getFieldPath() != null ? rule.getFieldPath() : at;
          if (rule.getFieldPath() != null && !at.isEmpty()) {
            path = at + rule.getFieldPath();
          }
          broken.add(path + ": " + rule.getMessage());
        }
      } catch (Exception e) {
        throw new AssertionError("rule does not evaluate: " + rule.getRule(), e);
      }
    }
  }

  private static CachedServicePairSpec embedded(String menuClaim, String orderClaim) {
    CachedServicePairSpec spec = Pairs.minimal("food").getSpec();
    spec.getMenu().setDatabase(embeddedOn(menuClaim));
    spec.getOrder().setDatabase(embeddedOn(orderClaim));
    return spec;
  }

  private static DatabaseSpec embeddedOn(String claim) {
    EmbeddedDatabaseSpec embedded = new EmbeddedDatabaseSpec();
    embedded.setClaimName(claim);
    DatabaseSpec database = new DatabaseSpec();
    database.setEmbedded(embedded);
    return database;
  }

  /** JSON as CEL sees it: integers are 64-bit, absent fields absent (Jackson writes nulls). */
  @SuppressWarnings("unchecked")
  private static <T> T longs(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (v != null) {
              out.put((String) k, longs(v));
            }
          });
      return (T) out;
    }
    if (value instanceof List<?> list) {
      return (T) list.stream().map(CelRulesTest::longs).toList();
    }
    if (value instanceof Integer i) {
      return (T) Long.valueOf(i);
    }
    return value;
  }
}

package io.cachepair.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CachedServicePairStatus;
import io.cachepair.operator.api.v1alpha1.DatabaseSpec;
import io.cachepair.operator.api.v1alpha1.EmbeddedDatabaseSpec;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.RolloutStrategy;
import io.cachepair.operator.api.v1alpha1.SecuritySpec;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.ServiceSpec;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.testing.Pairs;
import io.cachepair.operator.testing.Rollouts;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeploymentBlueprintTest {

  private final MenuDeploymentDependent menu = new MenuDeploymentDependent();
  private final OrderDeploymentDependent order = new OrderDeploymentDependent();

  @Test
  void desired_setsClusterWkaPortsRoleAndSchemaVersionEnv() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getCache().setSchemaVersion(3);

    Map<String, EnvVar> env = env(menu.desiredFor(pair, null));

    assertThat(env.get("COHERENCE_CLUSTER").getValue()).isEqualTo("food");
    assertThat(env.get("COHERENCE_WKA").getValue()).isEqualTo("food-wka.shop.svc");
    assertThat(env.get("COHERENCE_CLUSTERPORT").getValue()).isEqualTo("7574");
    assertThat(env.get("COHERENCE_LOCALPORT").getValue()).isEqualTo("7575");
    assertThat(env.get("COHERENCE_LOCALPORT_ADJUST").getValue()).isEqualTo("false");
    assertThat(env.get("COHERENCE_ROLE").getValue()).isEqualTo("menu");
    assertThat(env.get("CACHEPAIR_CACHE_SCHEMAVERSION").getValue()).isEqualTo("3");
    assertThat(env.get("CACHEPAIR_PRELOAD_TIMEOUT").getValue()).isEqualTo("300");
    assertThat(env.get("SERVER_PORT").getValue()).isEqualTo("8080");
    assertThat(env.get("MANAGEMENT_SERVER_PORT").getValue()).isEqualTo("9080");
    assertThat(env.get("COHERENCE_IPMONITOR_PINGTIMEOUT").getValue()).isEqualTo("0");
    assertThat(env).doesNotContainKey("COHERENCE_HEALTH_HTTP_PORT");
    assertThat(env.get("SPRING_DATASOURCE_URL").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("menu-db");
    assertThat(env.keySet()).isSubsetOf(ServiceSpec.OWNED_ENV);
    assertThat(env(order.desiredFor(pair, null)).get("COHERENCE_ROLE").getValue())
        .isEqualTo("order");
  }

  @Test
  void desired_bothContainersCarryTheQuorum_aMajorityOfMenuPlusOrderReplicas() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getMenu().setReplicas(2);
    pair.getSpec().getOrder().setReplicas(2);

    assertThat(env(menu.desiredFor(pair, null)).get(StorageQuorum.ENV).getValue()).isEqualTo("3");
    assertThat(env(order.desiredFor(pair, null)).get(StorageQuorum.ENV).getValue()).isEqualTo("3");

    pair.getSpec().getMenu().setReplicas(1);
    pair.getSpec().getOrder().setReplicas(1);

    // two members cannot outvote each other: a quorum of 2 would stop writes on any restart
    assertThat(env(menu.desiredFor(pair, null)).get(StorageQuorum.ENV).getValue()).isEqualTo("1");
    assertThat(env(order.desiredFor(pair, null)).get(StorageQuorum.ENV).getValue()).isEqualTo("1");
    assertThat(ServiceSpec.OWNED_ENV).contains(StorageQuorum.ENV);
  }

  @Test
  void desired_aScaleAcrossAQuorumBoundary_changesBothTemplates_oneWithinItChangesNone() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getMenu().setReplicas(2);
    pair.getSpec().getOrder().setReplicas(2);
    String menuAtFour = revision(menu.desiredFor(pair, null));
    String orderAtFour = revision(order.desiredFor(pair, null));

    pair.getSpec().getOrder().setReplicas(3); // 5 members: still 3
    assertThat(revision(menu.desiredFor(pair, null))).isEqualTo(menuAtFour);
    assertThat(revision(order.desiredFor(pair, null))).isEqualTo(orderAtFour);

    pair.getSpec().getOrder().setReplicas(4); // 6 members: 4
    assertThat(revision(menu.desiredFor(pair, null))).isNotEqualTo(menuAtFour);
    assertThat(revision(order.desiredFor(pair, null))).isNotEqualTo(orderAtFour);
  }

  @Test
  void desired_aUserQuorumInEnv_storedBeforeTheRule_neverBeatsTheOperators() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getMenu().setReplicas(2);
    pair.getSpec().getOrder().setReplicas(2);
    pair.getSpec()
        .getMenu()
        .setEnv(List.of(new EnvVarBuilder().withName(StorageQuorum.ENV).withValue("1").build()));

    var env = container(menu.desiredFor(pair, null)).getEnv();

    assertThat(env).filteredOn(e -> StorageQuorum.ENV.equals(e.getName())).hasSize(1);
    assertThat(env(menu.desiredFor(pair, null)).get(StorageQuorum.ENV).getValue()).isEqualTo("3");
  }

  @Test
  void desired_security_mountsTheClusterTlsSecret_andPointsTheServicesAtTheKeys() {
    CachedServicePair pair = Pairs.minimal("food");
    SecuritySpec security = new SecuritySpec();
    security.setClusterTlsSecret("food-cluster-tls");
    security.setJwkSetUri("https://idp.example.com/jwks.json");
    pair.getSpec().setSecurity(security);

    Deployment deployment = menu.desiredFor(pair, null);
    Map<String, EnvVar> env = env(deployment);

    assertThat(env.get("CACHEPAIR_CLUSTER_TLSDIR").getValue())
        .isEqualTo("/etc/cachepair/cluster-tls");
    assertThat(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI").getValue())
        .isEqualTo("https://idp.example.com/jwks.json");
    assertThat(env).doesNotContainKey("CACHEPAIR_CLUSTER_INSECURE");
    var podSpec = deployment.getSpec().getTemplate().getSpec();
    assertThat(podSpec.getVolumes())
        .filteredOn(v -> v.getSecret() != null)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getSecret().getSecretName()).isEqualTo("food-cluster-tls");
              assertThat(v.getSecret().getDefaultMode()).isEqualTo(0440);
            });
    assertThat(podSpec.getContainers().get(0).getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo("/etc/cachepair/cluster-tls");
              assertThat(m.getReadOnly()).isTrue();
            });
  }

  @Test
  void desired_insecureCluster_saysSo_andWithoutSecurityNothingIsRendered() {
    CachedServicePair pair = Pairs.minimal("food");
    assertThat(env(menu.desiredFor(pair, null)))
        .doesNotContainKeys(
            "CACHEPAIR_CLUSTER_TLSDIR",
            "CACHEPAIR_CLUSTER_INSECURE",
            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI");
    SecuritySpec security = new SecuritySpec();
    security.setInsecureCluster(true);
    pair.getSpec().setSecurity(security);

    assertThat(env(menu.desiredFor(pair, null)).get("CACHEPAIR_CLUSTER_INSECURE").getValue())
        .isEqualTo("true");
  }

  @Test
  void desired_clusterNameInSpec_overridesResourceName() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().setClusterName("food-eu");

    assertThat(env(menu.desiredFor(pair, null)).get("COHERENCE_CLUSTER").getValue())
        .isEqualTo("food-eu");
  }

  @Test
  void desired_databaseSecret_mapsUrlUsernamePasswordKeys() {
    CachedServicePair pair = Pairs.minimal("food");
    DatabaseSpec db = new DatabaseSpec();
    db.setSecretName("orders-db");
    pair.getSpec().getOrder().setDatabase(db);

    Map<String, EnvVar> env = env(order.desiredFor(pair, null));

    assertThat(env.get("SPRING_DATASOURCE_URL").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("url");
    assertThat(env.get("SPRING_DATASOURCE_USERNAME").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("orders-db");
    assertThat(env.get("SPRING_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("password");
  }

  @Test
  void desired_rollingUpdate_neverFewerReadyPodsThanReplicas_oneSurgePod() {
    Deployment d = menu.desiredFor(Pairs.minimal("food"), null);

    assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .isZero();
    assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
    assertThat(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isEqualTo(60L);
  }

  @Test
  void desired_embeddedDatabaseOnClaim_recreatesAndMountsTheClaimAtData() {
    CachedServicePair pair = Pairs.minimal("food");
    EmbeddedDatabaseSpec embedded = new EmbeddedDatabaseSpec();
    embedded.setClaimName("orders-data");
    DatabaseSpec db = new DatabaseSpec();
    db.setEmbedded(embedded);
    pair.getSpec().getOrder().setDatabase(db);

    Deployment d = order.desiredFor(pair, null);

    assertThat(d.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(d.getSpec().getTemplate().getSpec().getVolumes())
        .anySatisfy(
            v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("orders-data"));
    assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup())
        .as("the claim's files belong to the images' group, so the H2 file is writable")
        .isEqualTo(10001L);
  }

  @Test
  void desired_podSecurity_runsAsTheImagesNonRootUser_restricted() {
    PodSpec pod = menu.desiredFor(Pairs.minimal("food"), null).getSpec().getTemplate().getSpec();

    PodSecurityContext security = pod.getSecurityContext();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getRunAsUser()).as("USER in the service Dockerfiles").isEqualTo(10001L);
    assertThat(security.getRunAsGroup()).isEqualTo(10001L);
    assertThat(security.getFsGroup()).isEqualTo(10001L);
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    SecurityContext container = pod.getContainers().get(0).getSecurityContext();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
  }

  @Test
  void desired_recreateStrategyInSpec_usesRecreate() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getRollout().setStrategy(RolloutStrategy.Recreate);

    assertThat(menu.desiredFor(pair, null).getSpec().getStrategy().getType()).isEqualTo("Recreate");
  }

  @Test
  void desired_probes_readinessHeldDuringPreload_startupSizedByPreloadTimeout() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getCache().setPreloadTimeout("PT10M");

    Container c = container(menu.desiredFor(pair, null));

    assertThat(c.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/readiness");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
    // (10 min preload + 2 min JVM start) / 10 s period
    assertThat(c.getStartupProbe().getFailureThreshold()).isEqualTo(72);
    assertThat(c.getStartupProbe().getPeriodSeconds()).isEqualTo(10);

    pair.getSpec().getCache().setPreloadTimeout("60");
    assertThat(container(menu.desiredFor(pair, null)).getStartupProbe().getFailureThreshold())
        .isEqualTo(18);
  }

  @Test
  void desired_labelsAndSelector_areStandardAndSelectOneService() {
    Deployment d = order.desiredFor(Pairs.minimal("food"), null);

    assertThat(d.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/name", "order-service")
        .containsEntry("app.kubernetes.io/instance", "food")
        .containsEntry("app.kubernetes.io/part-of", "cachepair")
        .containsEntry("app.kubernetes.io/managed-by", "cachepair-operator")
        .containsEntry("app.kubernetes.io/component", "order");
    assertThat(d.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/name", "order-service")
        .doesNotContainKey("app.kubernetes.io/managed-by");
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void desired_revision_changesWithTheImage_notWithReplicasThatKeepTheQuorum() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getMenu().setReplicas(2);
    pair.getSpec().getOrder().setReplicas(2);
    String before = revision(menu.desiredFor(pair, null));
    pair.getSpec().getMenu().setReplicas(3); // 4 -> 5 members: quorum 3 either way
    assertThat(revision(menu.desiredFor(pair, null))).isEqualTo(before);
    pair.getSpec().getMenu().setImage("registry.example/menu-service:2");
    assertThat(revision(menu.desiredFor(pair, null))).isNotEqualTo(before);
  }

  @Test
  void desired_pendingUpdateStepInPlan_keepsTheTemplateItRuns() {
    CachedServicePair pair = Pairs.minimal("food");
    Deployment running = menu.desiredFor(pair, null);
    pair.getSpec().getMenu().setImage("registry.example/menu-service:2");
    pair.setStatus(statusWithStep(ServiceRole.MENU, StepAction.Update, StepState.Pending));

    Deployment held = menu.desiredFor(pair, running);

    assertThat(container(held).getImage()).isEqualTo("registry.example/menu-service:1");
    assertThat(revision(held)).isEqualTo(revision(running));

    pair.getStatus().getRollout().getSteps().get(0).setState(StepState.InProgress);
    assertThat(container(menu.desiredFor(pair, running)).getImage())
        .isEqualTo("registry.example/menu-service:2");
  }

  @Test
  void desired_scaleInWithoutStartedStep_keepsReplicas_startedStepRemovesOnePod() {
    CachedServicePair pair = Pairs.minimal("food");
    pair.getSpec().getMenu().setReplicas(3);
    Deployment running = menu.desiredFor(pair, null);
    pair.getSpec().getMenu().setReplicas(1);

    assertThat(menu.desiredFor(pair, running).getSpec().getReplicas())
        .as("no plan: never scale in unchecked")
        .isEqualTo(3);

    pair.setStatus(statusWithStep(ServiceRole.MENU, StepAction.ScaleIn, StepState.Pending));
    RolloutStep step = pair.getStatus().getRollout().getSteps().get(0);
    step.setFromReplicas(3);
    step.setToReplicas(2);
    assertThat(menu.desiredFor(pair, running).getSpec().getReplicas()).isEqualTo(3);
    step.setState(StepState.InProgress);
    assertThat(menu.desiredFor(pair, running).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void desired_scaleOut_appliesAtOnce() {
    CachedServicePair pair = Pairs.minimal("food");
    Deployment running = menu.desiredFor(pair, null);
    pair.getSpec().getMenu().setReplicas(4);

    assertThat(menu.desiredFor(pair, running).getSpec().getReplicas()).isEqualTo(4);
  }

  private static CachedServicePairStatus statusWithStep(
      ServiceRole role, StepAction action, StepState state) {
    return Rollouts.statusWith(Rollouts.plan(Rollouts.step(role, action, state)));
  }

  private static String revision(Deployment d) {
    return d.getMetadata().getAnnotations().get(DeploymentBlueprint.REVISION_ANNOTATION);
  }

  private static Container container(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, EnvVar> env(Deployment d) {
    return container(d).getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> b));
  }
}

package io.cachepair.operator.testing;

import io.cachepair.operator.api.v1alpha1.CacheSpec;
import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CachedServicePairSpec;
import io.cachepair.operator.api.v1alpha1.DatabaseSpec;
import io.cachepair.operator.api.v1alpha1.OrderServiceSpec;
import io.cachepair.operator.api.v1alpha1.ServiceSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixtures: the example pair from {@code manifests/examples}, the CRD from {@code crds/}. */
public final class Pairs {

  /** The repository root, seen from the operator module. */
  public static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  public static final Path CRD_FILE = REPO.resolve("crds/cachedservicepairs.cachepair.io-v1.yml");

  private Pairs() {}

  /** {@code manifests/examples/food-delivery.yaml}. */
  public static CachedServicePair foodDelivery() {
    return load(REPO.resolve("manifests/examples/food-delivery.yaml"), CachedServicePair.class);
  }

  /** The committed CRD. */
  public static CustomResourceDefinition crd() {
    return load(CRD_FILE, CustomResourceDefinition.class);
  }

  /** A minimal pair built in code: one menu, one order, each on a database Secret, schema 1. */
  public static CachedServicePair minimal(String name) {
    CachedServicePair pair = new CachedServicePair();
    pair.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace("shop").withGeneration(1L).build());
    CachedServicePairSpec spec = new CachedServicePairSpec();
    CacheSpec cache = new CacheSpec();
    cache.setSchemaVersion(1);
    spec.setCache(cache);
    spec.setMenu(service(new ServiceSpec(), "registry.example/menu-service:1", "menu-db"));
    spec.setOrder(service(new OrderServiceSpec(), "registry.example/order-service:1", "order-db"));
    pair.setSpec(spec);
    return pair;
  }

  private static <S extends ServiceSpec> S service(S service, String image, String secret) {
    service.setImage(image);
    DatabaseSpec database = new DatabaseSpec();
    database.setSecretName(secret);
    service.setDatabase(database);
    return service;
  }

  private static <T> T load(Path file, Class<T> type) {
    try (InputStream in = Files.newInputStream(file)) {
      return Serialization.unmarshal(in, type);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}

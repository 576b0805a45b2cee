package io.cachepair.contract.schema;

import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.meta.DishesLoaded;
import io.cachepair.contract.meta.PartitionLosses;
import io.cachepair.contract.meta.SeedRecord;
import io.cachepair.contract.meta.WritePause;
import java.time.Instant;
import java.util.List;

/**
 * The cached types of the contract with their declarations: what each field means on the wire and
 * which compatibility the current version promises against the previous one.
 *
 * <p>To change a type: append the field (next POF index), bump its {@code IMPL_VERSION}, declare
 * the field here with {@code since} = the new version, build, commit the new descriptor.
 */
public final class ContractTypes {

  /** The dish. */
  public static final CachedType DISH =
      new CachedType(
          "Dish",
          Dish.class,
          CompatibilityMode.FULL,
          () ->
              Dish.builder("spicy-tuna-roll")
                  .name("Spicy Tuna Roll")
                  .description("tuna, chili mayo")
                  .category("sushi")
                  .priceCents(1250)
                  .currency("EUR")
                  .available(true)
                  .version(1_000_007)
                  .updatedAt(Instant.parse("2026-12-01T10:00:00Z"))
                  .origin("menu-a")
                  .deleted(true)
                  .build(),
          List.of(
              FieldSchema.of(Dish.ID, "id", "string", false, 1),
              FieldSchema.of(Dish.NAME, "name", "string", true, 1),
              FieldSchema.of(Dish.DESCRIPTION, "description", "string", true, 1),
              FieldSchema.of(Dish.CATEGORY, "category", "string", true, 1),
              FieldSchema.of(Dish.PRICE_CENTS, "priceCents", "int64", false, 1),
              FieldSchema.of(Dish.CURRENCY, "currency", "string", true, 1),
              FieldSchema.of(Dish.AVAILABLE, "available", "boolean", false, 1),
              FieldSchema.of(Dish.VERSION, "version", "int64", false, 1),
              FieldSchema.of(Dish.UPDATED_AT, "updatedAtEpochMillis", "int64", false, 1),
              FieldSchema.of(Dish.ORIGIN, "origin", "string", false, 1),
              FieldSchema.of(Dish.DELETED, "deleted", "boolean", false, 1)));

  /** The preload marker. */
  public static final CachedType DISHES_LOADED =
      new CachedType(
          "DishesLoaded",
          DishesLoaded.class,
          CompatibilityMode.FULL,
          () ->
              new DishesLoaded(
                  Instant.parse("2026-12-01T10:00:00Z"), 100_000, 1_001, "menu-a", 77, true),
          List.of(
              FieldSchema.of(0, "loadedAtEpochMillis", "int64", false, 1),
              FieldSchema.of(1, "count", "int64", false, 1),
              FieldSchema.of(2, "contractVersion", "int32", false, 1),
              FieldSchema.of(3, "origin", "string", false, 1),
              FieldSchema.of(4, "epoch", "int64", false, 2),
              FieldSchema.of(5, "repairing", "boolean", false, 2)));

  /** The partition-loss tally. */
  public static final CachedType PARTITION_LOSSES =
      new CachedType(
          "PartitionLosses",
          PartitionLosses.class,
          CompatibilityMode.FULL,
          PartitionLosses::sample,
          List.of(
              FieldSchema.of(0, "events", "int64", false, 1),
              FieldSchema.of(1, "partitions", "int64", false, 1),
              FieldSchema.of(2, "reseededDishes", "int64", false, 1),
              FieldSchema.of(3, "lastAtEpochMillis", "int64", false, 1),
              FieldSchema.of(4, "lastReporter", "string", true, 1)));

  /** Which menu database seeded the cluster. */
  public static final CachedType SEED_RECORD =
      new CachedType(
          "SeedRecord",
          SeedRecord.class,
          CompatibilityMode.FULL,
          () ->
              new SeedRecord(
                  "5f0c3c1e-2f55-4a3e-9a57-0b1c2d3e4f50",
                  1_000_007,
                  Instant.parse("2026-12-01T10:00:00Z"),
                  "menu-a"),
          List.of(
              FieldSchema.of(0, "databaseIdentity", "string", false, 1),
              FieldSchema.of(1, "highWater", "int64", false, 1),
              FieldSchema.of(2, "seededAtEpochMillis", "int64", false, 1),
              FieldSchema.of(3, "origin", "string", false, 1)));

  /** The cluster-wide pause of menu writes during a rollout step. */
  public static final CachedType WRITE_PAUSE =
      new CachedType(
          "WritePause",
          WritePause.class,
          CompatibilityMode.FULL,
          () ->
              new WritePause(
                  "rolling menu to contract 2 (BACKWARD)",
                  "cachepair-operator",
                  Instant.parse("2026-12-01T10:00:30Z")),
          List.of(
              FieldSchema.of(0, "reason", "string", false, 1),
              FieldSchema.of(1, "requestedBy", "string", false, 1),
              FieldSchema.of(2, "untilEpochMillis", "int64", false, 1)));

  /** Every cached type of the contract. */
  public static final List<CachedType> ALL =
      List.of(DISH, DISHES_LOADED, PARTITION_LOSSES, SEED_RECORD, WRITE_PAUSE);

  private ContractTypes() {}
}

package io.cachepair.menu.dish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.menu.MenuProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The menu's writes: each one changes the dish row and records an outbox entry in one transaction,
 * and only after the commit announces {@link DishesWritten} so the publisher pushes it to the
 * cluster. Versions are the menu's: a create starts at 1 (or one past a tombstone), every change
 * and every delete adds one.
 */
@Service
public class DishService {

  private final DishRepository dishes;
  private final DishOutbox outbox;
  private final MenuOrigin origin;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Validator validator;
  private final int maxBatchDishes;
  private final Clock clock = Clock.systemUTC();
  private final ApplicationAvailability availability;

  DishService(
      DishRepository dishes,
      DishOutbox outbox,
      MenuOrigin origin,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Validator validator,
      MenuProperties properties,
      ApplicationAvailability availability) {
    this.dishes = dishes;
    this.outbox = outbox;
    this.origin = origin;
    this.tx = tx;
    this.events = events;
    this.validator = validator;
    this.maxBatchDishes = properties.maxBatchDishes();
    this.availability = availability;
  }

  /** Writes wait for readiness: before it the preload owns the rows, after it shutdown does. */
  private void requireReady() {
    if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
      throw new MenuNotReadyProblem();
    }
  }

  /**
   * Reads one dish that exists.
   *
   * @param id the id
   * @return the dish
   * @throws DishNotFoundProblem when it is unknown or deleted
   */
  public Dish get(String id) {
    Optional<Dish> row = dishes.find(id);
    if (row.isEmpty() || row.get().deleted()) {
      throw new DishNotFoundProblem(id, row.isPresent());
    }
    return row.get();
  }

  /**
   * Creates a dish, or re-creates one that was deleted.
   *
   * @param request the validated request
   * @return the written dish
   */
  public Dish create(DishRequest request) {
    requireReady();
    String id = idOf(request, "");
    Dish written =
        inTransaction(
            id,
            () -> {
              Optional<Dish> existing = dishes.find(id);
              if (existing.isPresent() && !existing.get().deleted()) {
                throw new DishAlreadyExistsProblem(id, existing.get().version());
              }
              Dish dish = build(id, request, existing.map(d -> d.version() + 1).orElse(1L));
              write(existing, dish);
              outbox.recordAll(List.of(dish));
              return dish;
            });
    events.publishEvent(new DishesWritten(List.of(written)));
    return written;
  }

  /**
   * Replaces an existing dish's fields and bumps its version.
   *
   * @param id the id from the path
   * @param request the validated request; its id, if any, must equal {@code id}
   * @param ifMatch the {@code If-Match} header, or null for an unconditional write
   * @return the written dish
   */
  public Dish update(String id, DishRequest request, String ifMatch) {
    requireReady();
    if (request.id() != null && !request.id().equals(id)) {
      throw InvalidDishProblem.of(
          "id", "'" + request.id() + "' does not match the id in the path '" + id + "'");
    }
    IfMatch condition = IfMatch.parse(ifMatch);
    Dish written =
        inTransaction(
            id,
            () -> {
              Dish current = get(id);
              condition.check(current);
              Dish dish = build(id, request, current.version() + 1);
              if (!dishes.replace(current, dish)) {
                throw condition.isPresent()
                    ? new DishVersionMismatchProblem(id, ifMatch, get(id).version())
                    : new ConcurrentDishChangeProblem(id);
              }
              outbox.recordAll(List.of(dish));
              return dish;
            });
    events.publishEvent(new DishesWritten(List.of(written)));
    return written;
  }

  /**
   * Deletes a dish by writing its tombstone: the next version, marked deleted.
   *
   * @param id the id
   * @param ifMatch the {@code If-Match} header, or null
   * @return the tombstone
   */
  public Dish delete(String id, String ifMatch) {
    requireReady();
    IfMatch condition = IfMatch.parse(ifMatch);
    Dish tombstone =
        inTransaction(
            id,
            () -> {
              Dish current = get(id);
              condition.check(current);
              Dish dead = current.tombstone(Instant.now(clock), origin.value());
              if (!dishes.replace(current, dead)) {
                throw condition.isPresent()
                    ? new DishVersionMismatchProblem(id, ifMatch, get(id).version())
                    : new ConcurrentDishChangeProblem(id);
              }
              outbox.recordAll(List.of(dead));
              return dead;
            });
    events.publishEvent(new DishesWritten(List.of(tombstone)));
    return tombstone;
  }

  /**
   * Imports many dishes in one transaction: new ids are created, existing ones replaced (version
   * bumped), deleted ones re-created. Either all are written or none.
   *
   * @param requests the dishes, not yet validated
   * @return what the import did
   */
  public BatchImportResult importAll(List<DishRequest> requests) {
    requireReady();
    if (requests.size() > maxBatchDishes) {
      throw new BatchTooLargeProblem(requests.size(), maxBatchDishes);
    }
    List<String> ids = validateBatch(requests);
    List<Dish> written = new ArrayList<>(requests.size());
    int[] created = {0};
    inTransaction(
        ids.size() == 1 ? ids.get(0) : "(batch)",
        () -> {
          Map<String, Dish> existing = dishes.findAll(ids);
          List<Dish> inserts = new ArrayList<>();
          List<Map.Entry<Dish, Dish>> replacements = new ArrayList<>();
          for (int i = 0; i < requests.size(); i++) {
            Dish held = existing.get(ids.get(i));
            Dish dish = build(ids.get(i), requests.get(i), held == null ? 1 : held.version() + 1);
            if (held == null) {
              inserts.add(dish);
            } else {
              replacements.add(Map.entry(held, dish));
              if (held.deleted()) {
                created[0]++;
              }
            }
            written.add(dish);
          }
          created[0] += inserts.size();
          dishes.insertAll(inserts);
          boolean[] applied = dishes.replaceAll(replacements);
          for (int i = 0; i < applied.length; i++) {
            if (!applied[i]) {
              throw new ConcurrentDishChangeProblem(replacements.get(i).getKey().id());
            }
          }
          outbox.recordAll(written);
          return null;
        });
    events.publishEvent(new DishesWritten(List.copyOf(written)));
    return new BatchImportResult(written.size(), created[0], written.size() - created[0]);
  }

  private List<String> validateBatch(List<DishRequest> requests) {
    List<String> fields = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<String> ids = new ArrayList<>(requests.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      String prefix = "[" + i + "].";
      DishRequest request = requests.get(i);
      if (request == null) {
        fields.add("[" + i + "]");
        errors.add("[" + i + "]: must be a dish, was null");
        ids.add(null);
        continue;
      }
      List<ConstraintViolation<DishRequest>> violations =
          validator.validate(request).stream()
              .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
              .toList();
      for (ConstraintViolation<DishRequest> v : violations) {
        fields.add(prefix + v.getPropertyPath());
        errors.add(prefix + v.getPropertyPath() + ": " + v.getMessage());
      }
      String id = null;
      if (violations.isEmpty()) {
        try {
          id = idOf(request, prefix);
        } catch (InvalidDishProblem e) {
          fields.add(prefix + (request.id() == null ? "name" : "id"));
          errors.add(e.getMessage());
        }
      }
      if (id != null) {
        Integer first = seen.putIfAbsent(id, i);
        if (first != null) {
          fields.add(prefix + "id");
          errors.add(prefix + "id: '" + id + "' is also the id of [" + first + "]");
        }
      }
      ids.add(id);
      if (errors.size() >= 20) {
        errors.add("(stopped after 20 errors)");
        break;
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidDishProblem(fields, errors);
    }
    return ids;
  }

  private String idOf(DishRequest request, String prefix) {
    if (request.id() != null) {
      if (!DishSlug.isValid(request.id())) {
        throw InvalidDishProblem.of(
            prefix + "id",
            "must be lowercase letters and digits in words joined by single hyphens");
      }
      return request.id();
    }
    String slug = DishSlug.of(request.name());
    if (slug.isEmpty()) {
      throw InvalidDishProblem.of(
          prefix + "name",
          "'" + request.name() + "' has no letter or digit to derive an id from; give an id");
    }
    return slug;
  }

  private Dish build(String id, DishRequest request, long version) {
    return Dish.builder(id)
        .name(request.name().trim())
        .description(request.description())
        .category(request.category())
        .priceCents(request.priceCents())
        .currency(request.currency())
        .available(request.isAvailable())
        .version(version)
        .updatedAt(Instant.now(clock))
        .origin(origin.value())
        .build();
  }

  private void write(Optional<Dish> existing, Dish dish) {
    if (existing.isPresent()) {
      if (!dishes.replace(existing.get(), dish)) {
        throw new ConcurrentDishChangeProblem(dish.id());
      }
    } else {
      dishes.insertAll(List.of(dish));
    }
  }

  private <T> T inTransaction(String id, java.util.function.Supplier<T> work) {
    try {
      return tx.execute(status -> work.get());
    } catch (DuplicateKeyException e) {
      // two creates of the same id raced; the loser's transaction is rolled back
      throw new ConcurrentDishChangeProblem(id);
    }
  }

  /** A parsed {@code If-Match} header: absent, {@code *}, or a list of version ETags. */
  record IfMatch(String header, boolean any, List<Long> versions) {

    static final IfMatch ABSENT = new IfMatch(null, false, List.of());

    static IfMatch parse(String header) {
      if (header == null || header.isBlank()) {
        return ABSENT;
      }
      if (header.trim().equals("*")) {
        return new IfMatch(header, true, List.of());
      }
      List<Long> versions = new ArrayList<>();
      for (String tag : header.split(",")) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.length() < 3 || !t.startsWith("\"") || !t.endsWith("\"")) {
          throw badHeader(header);
        }
        try {
          versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
        } catch (NumberFormatException e) {
          throw badHeader(header);
        }
      }
      return new IfMatch(header, false, List.copyOf(versions));
    }

    boolean isPresent() {
      return header != null;
    }

    void check(Dish current) {
      if (isPresent() && !any && !versions.contains(current.version())) {
        throw new DishVersionMismatchProblem(current.id(), header, current.version());
      }
    }

    private static InvalidDishProblem badHeader(String header) {
      return InvalidDishProblem.of(
          "If-Match",
          "'" + header + "' is not an ETag of this API; send the ETag of a GET, e.g. \"3\"");
    }
  }
}

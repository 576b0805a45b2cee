package io.cachepair.menu.dish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.member.security.Caller;
import io.cachepair.menu.MenuProperties;
import io.cachepair.menu.gate.WriteGate;
import io.cachepair.menu.record.DishRevisions;
import io.cachepair.menu.record.VersionSequence;
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
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The menu's writes, safe with any number of menu replicas on the one menu database: each write
 * locks the rows it changes, draws their versions from the database's one sequence while it holds
 * the locks, and records the new rows, their revisions and outbox entries in one transaction; only
 * after the commit does it announce {@link DishesWritten} so the publisher pushes it to the
 * cluster. Versions are therefore unique across dishes and never reused, and on one dish they grow
 * in commit order.
 */
@Service
public class DishService {

  /** How often a write that collided with another writer (see {@link #inTransaction}) is tried. */
  static final int ATTEMPTS = 3;

  private final DishRepository dishes;
  private final DishOutbox outbox;
  private final DishRevisions revisions;
  private final VersionSequence versions;
  private final MenuOrigin origin;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Validator validator;
  private final int maxBatchDishes;
  private final Clock clock = Clock.systemUTC();
  private final WriteGate gate;

  DishService(
      DishRepository dishes,
      DishOutbox outbox,
      DishRevisions revisions,
      VersionSequence versions,
      MenuOrigin origin,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Validator validator,
      MenuProperties properties,
      WriteGate gate) {
    this.dishes = dishes;
    this.outbox = outbox;
    this.revisions = revisions;
    this.versions = versions;
    this.origin = origin;
    this.tx = tx;
    this.events = events;
    this.validator = validator;
    this.maxBatchDishes = properties.maxBatchDishes();
    this.gate = gate;
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
   * Creates a dish, or re-creates one that was deleted (with a new version, never an old one).
   *
   * @param request the validated request
   * @return the written dish
   */
  public Dish create(DishRequest request) {
    gate.check();
    String id = idOf(request, "");
    Dish written =
        inTransaction(
            id,
            () -> {
              Optional<Dish> existing = dishes.lock(id);
              if (existing.isPresent() && !existing.get().deleted()) {
                throw new DishAlreadyExistsProblem(id, existing.get().version());
              }
              Dish dish = build(id, request, versions.next());
              if (existing.isPresent()) {
                dishes.updateAll(List.of(dish));
              } else {
                dishes.insertAll(List.of(dish));
              }
              commit(List.of(dish));
              return dish;
            });
    events.publishEvent(new DishesWritten(List.of(written)));
    return written;
  }

  /**
   * Replaces an existing dish's fields under a new version. Without {@code If-Match} it never fails
   * because another writer raced it: it waits for the row and writes after that writer.
   *
   * @param id the id from the path
   * @param request the validated request; its id, if any, must equal {@code id}
   * @param ifMatch the {@code If-Match} header, or null for an unconditional write
   * @return the written dish
   */
  public Dish update(String id, DishRequest request, String ifMatch) {
    gate.check();
    if (request.id() != null && !request.id().equals(id)) {
      throw InvalidDishProblem.of(
          "id", "'" + request.id() + "' does not match the id in the path '" + id + "'");
    }
    IfMatch condition = IfMatch.parse(ifMatch);
    Dish written =
        inTransaction(
            id,
            () -> {
              Dish current = live(dishes.lock(id), id);
              condition.check(current);
              Dish dish = build(id, request, versions.next());
              dishes.updateAll(List.of(dish));
              commit(List.of(dish));
              return dish;
            });
    events.publishEvent(new DishesWritten(List.of(written)));
    return written;
  }

  /**
   * Deletes a dish by writing its tombstone under a new version.
   *
   * @param id the id
   * @param ifMatch the {@code If-Match} header, or null
   * @return the tombstone
   */
  public Dish delete(String id, String ifMatch) {
    gate.check();
    IfMatch condition = IfMatch.parse(ifMatch);
    Dish tombstone =
        inTransaction(
            id,
            () -> {
              Dish current = live(dishes.lock(id), id);
              condition.check(current);
              Dish dead =
                  current.toBuilder()
                      .version(versions.next())
                      .updatedAt(Instant.now(clock))
                      .origin(origin.value())
                      .deleted(true)
                      .build();
              dishes.updateAll(List.of(dead));
              commit(List.of(dead));
              return dead;
            });
    events.publishEvent(new DishesWritten(List.of(tombstone)));
    return tombstone;
  }

  /**
   * Imports many dishes in one transaction: new ids are created, existing ones replaced, deleted
   * ones re-created, each under a new version. Either all are written or none.
   *
   * @param requests the dishes, not yet validated
   * @return what the import did
   */
  public BatchImportResult importAll(List<DishRequest> requests) {
    gate.check();
    if (requests.size() > maxBatchDishes) {
      throw new BatchTooLargeProblem(requests.size(), maxBatchDishes);
    }
    List<String> ids = validateBatch(requests);
    int[] created = {0};
    List<Dish> written =
        inTransaction(
            ids.size() == 1 ? ids.get(0) : "(batch of " + ids.size() + ")",
            () -> {
              created[0] = 0;
              Map<String, Dish> existing = dishes.lockAll(ids);
              List<Long> drawn = versions.next(requests.size());
              List<Dish> inserts = new ArrayList<>();
              List<Dish> updates = new ArrayList<>();
              List<Dish> all = new ArrayList<>(requests.size());
              for (int i = 0; i < requests.size(); i++) {
                Dish held = existing.get(ids.get(i));
                Dish dish = build(ids.get(i), requests.get(i), drawn.get(i));
                if (held == null) {
                  inserts.add(dish);
                  created[0]++;
                } else {
                  updates.add(dish);
                  if (held.deleted()) {
                    created[0]++;
                  }
                }
                all.add(dish);
              }
              dishes.insertAll(inserts);
              dishes.updateAll(updates);
              commit(all);
              return all;
            });
    events.publishEvent(new DishesWritten(List.copyOf(written)));
    return new BatchImportResult(written.size(), created[0], written.size() - created[0]);
  }

  private static Dish live(Optional<Dish> row, String id) {
    if (row.isEmpty() || row.get().deleted()) {
      throw new DishNotFoundProblem(id, row.isPresent());
    }
    return row.get();
  }

  /**
   * Records the written rows' revisions (with the verified token's subject as their writer) and
   * outbox entries, in the write's transaction.
   */
  private void commit(List<Dish> written) {
    revisions.record(written, Caller.subject().orElse(null));
    outbox.recordAll(written);
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

  /**
   * Runs a write in a transaction, again when it collided with another writer: a create that raced
   * another create of the same new id (duplicate key; the retry sees that row), or a deadlock the
   * database broke. Bounded; then 503.
   */
  private <T> T inTransaction(String id, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(status -> work.get());
      } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
        if (attempt >= ATTEMPTS) {
          throw new ConcurrentDishChangeProblem(id, attempt);
        }
      }
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

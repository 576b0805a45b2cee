package io.cachepair.order.ordering;

import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.cache.ReplicaUnavailableException;
import io.cachepair.order.readiness.CompleteReplica;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places, reads and cancels orders. Placing touches only the local replica (for prices) and the
 * order DB: it never asks another member, let alone menu-service.
 */
@Service
class OrderService {

  private final OrderRepository repository;
  private final LocalDishes dishes;
  private final CompleteReplica replica;
  private final TransactionTemplate transactions;
  private final OrderMetrics metrics;
  private final OrderProperties properties;
  private final Clock clock;

  OrderService(
      OrderRepository repository,
      LocalDishes dishes,
      CompleteReplica replica,
      TransactionTemplate transactions,
      OrderMetrics metrics,
      OrderProperties properties,
      Clock clock) {
    this.repository = repository;
    this.dishes = dishes;
    this.replica = replica;
    this.transactions = transactions;
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Places an order, or replays the one placed earlier with the same key and body.
   *
   * @param request the validated request
   * @param idempotencyKeyHeader the raw Idempotency-Key header, or null
   * @return the stored order and whether this call created it
   * @throws OrderProblem when the order is refused
   * @throws ReplicaUnavailableException when the local replica closed under us
   */
  Placement place(PlaceOrderRequest request, String idempotencyKeyHeader) {
    try {
      Optional<IdempotencyKey> key = IdempotencyKey.parse(idempotencyKeyHeader);
      // never price from a partial replica: 503 with the reason, not 422 "unknown dish"
      Optional<String> incomplete = replica.incompleteReason();
      if (incomplete.isPresent()) {
        throw new DishesNotLoadedProblem(
            incomplete.get(), replica.clusterName(), replica.replicaState().name());
      }
      String hash = key.map(k -> RequestFingerprint.of(request)).orElse(null);
      if (key.isPresent()) {
        Optional<Placement> replay = replay(request.customerId(), key.get(), hash);
        if (replay.isPresent()) {
          return replay.get();
        }
      }
      PricedOrder priced = OrderPricing.price(request, dishes::find);
      Order order =
          new Order(
              UUID.randomUUID().toString(),
              request.customerId(),
              priced.lines(),
              priced.totalCents(),
              priced.currency(),
              OrderStatus.PLACED,
              now(),
              null);
      try {
        transactions.executeWithoutResult(
            tx -> repository.insert(order, key.map(IdempotencyKey::value).orElse(null), hash));
      } catch (DuplicateKeyException e) {
        // A concurrent request with the same key (on this or another replica) won the insert:
        // answer as its retry would, or ask for a retry while it has not committed.
        if (key.isEmpty()) {
          throw e;
        }
        return replay(request.customerId(), key.get(), hash)
            .orElseThrow(() -> new IdempotencyKeyInFlightProblem(key.get().value()));
      }
      metrics.placed();
      return new Placement(order, true);
    } catch (OrderProblem problem) {
      metrics.refused(problem.reason());
      throw problem;
    } catch (ReplicaUnavailableException e) {
      metrics.refused("replica-unavailable");
      throw e;
    }
  }

  private Optional<Placement> replay(String customerId, IdempotencyKey key, String hash) {
    return repository
        .findKey(customerId, key.value())
        .map(
            stored -> {
              if (!stored.requestHash().equals(hash)) {
                throw new IdempotencyKeyReusedProblem(key.value());
              }
              return new Placement(
                  repository
                      .find(stored.orderId())
                      .orElseThrow(() -> new OrderNotFoundProblem(stored.orderId())),
                  false);
            });
  }

  /**
   * Reads an order.
   *
   * @param id the order id
   * @return the order
   * @throws OrderNotFoundProblem when there is none
   */
  Order get(String id) {
    return repository.find(id).orElseThrow(() -> new OrderNotFoundProblem(id));
  }

  /** A customer's most recent orders, newest first, at most {@code cachepair.order.list-limit}. */
  List<Order> byCustomer(String customerId) {
    return repository.findByCustomer(customerId, properties.listLimit());
  }

  /**
   * Cancels an order; cancelling a cancelled order returns it unchanged (idempotent).
   *
   * @param id the order id
   * @return the order, now cancelled
   * @throws OrderNotFoundProblem when there is none
   */
  Order cancel(String id) {
    return transactions.execute(
        tx -> {
          repository.cancel(id, now());
          return get(id);
        });
  }

  private Instant now() {
    // Both databases keep microseconds; milliseconds keep what we return equal to what we read.
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

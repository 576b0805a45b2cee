package io.cachepair.order.ordering;

import static io.cachepair.order.ordering.Dishes.misoSoup;
import static io.cachepair.order.ordering.Dishes.spicyTunaRoll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cachepair.contract.dish.Dish;
import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.cache.ReplicaUnavailableException;
import io.cachepair.order.readiness.CompleteReplica;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What placing an order decides before and around pricing, on H2 with the real migrations and the
 * replica and the loaded-latch as mocks: the key is checked first, nothing is taken before the
 * dishes were loaded, every refusal is counted under its reason and stores nothing, a key replays
 * its order or refuses another body. The HTTP side is {@link OrderControllerTest}'s.
 */
class OrderServiceTest {

  private static final Instant NOW = Instant.parse("2025-05-01T09:00:00.123Z");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LocalDishes dishes = mock(LocalDishes.class);
  private final CompleteReplica replica = mock(CompleteReplica.class);
  private OrderRepository repository;
  private OrderService service;

  @BeforeEach
  void service() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(ds).load().migrate();
    repository = new OrderRepository(JdbcClient.create(ds));
    service =
        new OrderService(
            repository,
            dishes,
            replica,
            new TransactionTemplate(new DataSourceTransactionManager(ds)),
            new OrderMetrics(meters),
            new OrderProperties(null),
            Clock.fixed(NOW, ZoneOffset.UTC));
    menu(spicyTunaRoll(), misoSoup());
    when(replica.incompleteReason()).thenReturn(Optional.empty());
  }

  private void menu(Dish... menu) {
    Map<String, Dish> byId = new HashMap<>();
    for (Dish dish : menu) {
      byId.put(dish.id(), dish);
    }
    when(dishes.find(anyString())).thenAnswer(a -> Optional.ofNullable(byId.get(a.getArgument(0))));
  }

  private static PlaceOrderRequest misoSoups(int quantity) {
    return new PlaceOrderRequest(
        "c-42", List.of(new PlaceOrderRequest.Item("miso-soup", quantity, null)));
  }

  private static PlaceOrderRequest tunaRollAt(long expectedUnitPriceCents) {
    return new PlaceOrderRequest(
        "c-42", List.of(new PlaceOrderRequest.Item("spicy-tuna-roll", 1, expectedUnitPriceCents)));
  }

  private double refused(String reason) {
    return meters.counter("cachepair.orders.refused", "reason", reason).count();
  }

  private double placed() {
    return meters.counter("cachepair.orders.placed").count();
  }

  @Test
  void place_storesThePricedOrder_andCountsIt() {
    Placement placement = service.place(misoSoups(2), null);

    assertThat(placement.created()).isTrue();
    assertThat(placement.order().totalCents()).isEqualTo(900);
    assertThat(placement.order().placedAt()).isEqualTo(NOW);
    assertThat(repository.find(placement.order().id())).contains(placement.order());
    assertThat(placed()).isEqualTo(1);
  }

  @Test
  void place_blankIdempotencyKey_isRefusedBeforeTheReplicaIsAsked() {
    when(replica.incompleteReason()).thenReturn(Optional.of("not loaded"));

    assertThatThrownBy(() -> service.place(misoSoups(1), " "))
        .isInstanceOf(InvalidIdempotencyKeyProblem.class)
        .hasMessage("Idempotency-Key: must not be blank");
    assertThat(refused("validation")).isEqualTo(1);
    assertThat(repository.findByCustomer("c-42", 10)).isEmpty();
  }

  @Test
  void place_whileTheReplicaIsIncomplete_isRefusedWithItsReason_neverPricedFromIt() {
    when(replica.incompleteReason())
        .thenReturn(Optional.of("the dishes are not loaded in cluster pair-7 now"));
    when(replica.clusterName()).thenReturn("pair-7");
    when(replica.replicaState()).thenReturn(CacheState.OPEN);

    assertThatThrownBy(() -> service.place(misoSoups(1), null))
        .isInstanceOfSatisfying(
            DishesNotLoadedProblem.class,
            p -> {
              assertThat(p.getMessage())
                  .isEqualTo("the dishes are not loaded in cluster pair-7 now");
              assertThat(p.toProblemDetail().getProperties())
                  .containsEntry("cluster", "pair-7")
                  .containsEntry("replica", "OPEN");
            });
    assertThat(refused("dishes-not-loaded")).isEqualTo(1);
    org.mockito.Mockito.verifyNoInteractions(dishes);
  }

  @Test
  void place_pricingRefusal_isCountedUnderItsReason_andStoresNothing() {
    assertThatThrownBy(() -> service.place(tunaRollAt(1100), null))
        .isInstanceOf(PriceChangedProblem.class);

    assertThat(refused("price-changed")).isEqualTo(1);
    assertThat(placed()).isZero();
    assertThat(repository.findByCustomer("c-42", 10)).isEmpty();
  }

  @Test
  void place_replicaClosedUnderUs_isCountedAsReplicaUnavailable() {
    when(dishes.find(anyString())).thenThrow(new ReplicaUnavailableException(CacheState.CLOSED));

    assertThatThrownBy(() -> service.place(misoSoups(1), null))
        .isInstanceOf(ReplicaUnavailableException.class);
    assertThat(refused("replica-unavailable")).isEqualTo(1);
  }

  @Test
  void place_sameKeyAndBody_replaysTheFirstOrderWithoutStoringAnother() {
    Placement first = service.place(misoSoups(2), "retry-1");
    Placement retry = service.place(misoSoups(2), "retry-1");

    assertThat(retry.created()).isFalse();
    assertThat(retry.order()).isEqualTo(first.order());
    assertThat(repository.findByCustomer("c-42", 10)).hasSize(1);
    assertThat(placed()).isEqualTo(1);
  }

  @Test
  void place_sameKeyWithAnotherBody_isRefused_andStoresNothing() {
    service.place(misoSoups(2), "retry-1");

    assertThatThrownBy(() -> service.place(misoSoups(3), "retry-1"))
        .isInstanceOf(IdempotencyKeyReusedProblem.class)
        .hasMessage("Idempotency-Key 'retry-1' was already used with a different request body");
    assertThat(refused("idempotency-key-reused")).isEqualTo(1);
    assertThat(repository.findByCustomer("c-42", 10)).hasSize(1);
  }

  @Test
  void get_unknownOrder_isNotFound() {
    assertThatThrownBy(() -> service.get("no-such-order"))
        .isInstanceOf(OrderNotFoundProblem.class)
        .hasMessage("order 'no-such-order' does not exist");
  }

  @Test
  void cancel_unknownOrder_isNotFound() {
    assertThatThrownBy(() -> service.cancel("no-such-order"))
        .isInstanceOf(OrderNotFoundProblem.class)
        .hasMessage("order 'no-such-order' does not exist");
  }
}

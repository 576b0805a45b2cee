package io.cachepair.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repository and the Flyway schema, as every database the order replicas run on must hold them:
 * {@link OrderRepositoryTest} runs it on an H2 file like the local default, {@link
 * OrderRepositoryPostgresIT} on PostgreSQL, which all replicas share in production.
 */
abstract class OrderRepositoryContract {

  private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123Z");

  private HikariDataSource dataSource;
  private OrderRepository repository;

  /** Opens a new pool on this run's database (the same database on every call). */
  abstract HikariDataSource openDatabase();

  @BeforeEach
  void open() {
    dataSource = openDatabase();
    Flyway.configure().dataSource(dataSource).load().migrate();
    repository = new OrderRepository(JdbcClient.create(dataSource));
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  static HikariDataSource pool(String url, String user, String password) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(user);
    ds.setPassword(password);
    ds.setMaximumPoolSize(4);
    return ds;
  }

  private static Order order(String customerId, Instant placedAt, OrderLine... lines) {
    long total = 0;
    for (OrderLine line : lines) {
      total += line.lineTotalCents();
    }
    return new Order(
        UUID.randomUUID().toString(),
        customerId,
        List.of(lines),
        total,
        "EUR",
        OrderStatus.PLACED,
        placedAt,
        null);
  }

  private static OrderLine tunaRolls(int quantity) {
    return new OrderLine("spicy-tuna-roll", "Spicy Tuna Roll", 1250, quantity, 1250L * quantity, 3);
  }

  private static OrderLine misoSoups(int quantity) {
    return new OrderLine("miso-soup", "Miso Soup", 450, quantity, 450L * quantity, 7);
  }

  @Test
  void insertedOrder_readsBackWithItsLinesInOrder() {
    Order placed = order("c-42", T0, tunaRolls(2), misoSoups(1));

    repository.insert(placed, null, null);

    assertThat(repository.find(placed.id())).contains(placed);
  }

  @Test
  void unknownId_isEmpty() {
    assertThat(repository.find("no-such-order")).isEmpty();
  }

  @Test
  void committedOrder_survivesClosingAndReopeningTheDatabase() {
    Order placed = order("c-42", T0, tunaRolls(1));
    repository.insert(placed, "key-1", "a".repeat(64));

    dataSource.close();
    dataSource = openDatabase();
    repository = new OrderRepository(JdbcClient.create(dataSource));

    assertThat(repository.find(placed.id())).contains(placed);
    assertThat(repository.findKey("c-42", "key-1"))
        .contains(new StoredKey(placed.id(), "a".repeat(64)));
  }

  @Test
  void ordersOfACustomer_newestFirst_limited_andNotOtherCustomers() {
    Order first = order("c-1", T0, tunaRolls(1));
    Order second = order("c-1", T0.plusSeconds(60), misoSoups(2));
    Order third = order("c-1", T0.plusSeconds(120), tunaRolls(3), misoSoups(1));
    Order someoneElse = order("c-2", T0.plusSeconds(90), tunaRolls(1));
    for (Order o : List.of(first, second, third, someoneElse)) {
      repository.insert(o, null, null);
    }

    assertThat(repository.findByCustomer("c-1", 10)).containsExactly(third, second, first);
    assertThat(repository.findByCustomer("c-1", 2)).containsExactly(third, second);
    assertThat(repository.findByCustomer("nobody", 10)).isEmpty();
  }

  @Test
  void idempotencyKey_isStoredWithItsHash_andCannotBeStoredTwice() {
    Order placed = order("c-42", T0, tunaRolls(1));
    repository.insert(placed, "key-7", "b".repeat(64));

    assertThat(repository.findKey("c-42", "key-7"))
        .contains(new StoredKey(placed.id(), "b".repeat(64)));
    assertThat(repository.findKey("c-42", "key-8")).isEmpty();
    assertThatThrownBy(
            () -> repository.insert(order("c-42", T0, misoSoups(1)), "key-7", "c".repeat(64)))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void idempotencyKeys_areUniquePerCustomer_notAcrossCustomers() {
    Order mine = order("c-42", T0, tunaRolls(1));
    Order theirs = order("c-43", T0, tunaRolls(1));
    repository.insert(mine, "same-key", "b".repeat(64));
    repository.insert(theirs, "same-key", "c".repeat(64));

    assertThat(repository.findKey("c-42", "same-key").orElseThrow().orderId()).isEqualTo(mine.id());
    assertThat(repository.findKey("c-43", "same-key").orElseThrow().orderId())
        .isEqualTo(theirs.id());
  }

  @Test
  void sameKeyInsertedAtOnceByTwoReplicas_storesOneOrder() throws Exception {
    ExecutorService replicas = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> inserts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Order order = order("c-42", T0, tunaRolls(1));
        inserts.add(
            replicas.submit(
                () -> {
                  go.await();
                  try {
                    repository.insert(order, "at-once", "d".repeat(64));
                    return true;
                  } catch (DuplicateKeyException e) {
                    return false;
                  }
                }));
      }
      go.countDown();
      int stored = 0;
      for (Future<Boolean> insert : inserts) {
        stored += insert.get() ? 1 : 0;
      }
      assertThat(stored).isEqualTo(1);
      assertThat(repository.findByCustomer("c-42", 10)).hasSize(1);
    } finally {
      replicas.shutdownNow();
    }
  }

  @Test
  void ordersWithoutKey_canBeMany() {
    repository.insert(order("c-42", T0, tunaRolls(1)), null, null);
    repository.insert(order("c-42", T0, tunaRolls(1)), null, null);

    assertThat(repository.findByCustomer("c-42", 10)).hasSize(2);
  }

  @Test
  void cancel_changesAPlacedOrderOnce_andKeepsTheFirstCancellationTime() {
    Order placed = order("c-42", T0, tunaRolls(1));
    repository.insert(placed, null, null);
    Instant cancelledAt = T0.plusSeconds(30);

    assertThat(repository.cancel(placed.id(), cancelledAt)).isTrue();
    assertThat(repository.cancel(placed.id(), cancelledAt.plusSeconds(30))).isFalse();

    Order cancelled = repository.find(placed.id()).orElseThrow();
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.cancelledAt()).isEqualTo(cancelledAt);
    assertThat(cancelled.items()).isEqualTo(placed.items());
  }

  @Test
  void cancel_unknownOrder_changesNothing() {
    assertThat(repository.cancel("no-such-order", T0)).isFalse();
  }
}

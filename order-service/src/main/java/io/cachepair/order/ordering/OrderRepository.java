package io.cachepair.order.ordering;

import io.cachepair.member.jdbc.UtcTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders in the order DB (H2 file by default, PostgreSQL by configuration), through {@link
 * JdbcClient} with SQL both databases run. Callers own the transactions.
 */
@Repository
public class OrderRepository {

  private static final String ORDER_COLUMNS =
      "id, customer_id, status, currency, total_cents, placed_at, cancelled_at";

  private final JdbcClient jdbc;

  /**
   * Creates the repository.
   *
   * @param jdbc the client of the order DB
   */
  public OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a new order and its lines.
   *
   * @param order the order
   * @param key the Idempotency-Key it was placed with, or null
   * @param requestHash the fingerprint of the request, or null when there is no key
   * @throws org.springframework.dao.DuplicateKeyException when the customer's key was stored
   *     already (by this or another replica)
   */
  public void insert(Order order, String key, String requestHash) {
    jdbc.sql(
            "INSERT INTO orders (id, customer_id, status, currency, total_cents, placed_at,"
                + " cancelled_at, idempotency_key, request_hash)"
                + " VALUES (:id, :customer, :status, :currency, :total, :placedAt, :cancelledAt,"
                + " :key, :hash)")
        .param("id", order.id())
        .param("customer", order.customerId())
        .param("status", order.status().name())
        .param("currency", order.currency())
        .param("total", order.totalCents())
        .param("placedAt", UtcTimestamps.of(order.placedAt()))
        .param("cancelledAt", UtcTimestamps.of(order.cancelledAt()))
        .param("key", key)
        .param("hash", requestHash)
        .update();
    List<OrderLine> items = order.items();
    for (int i = 0; i < items.size(); i++) {
      OrderLine line = items.get(i);
      jdbc.sql(
              "INSERT INTO order_items (order_id, line_no, dish_id, dish_name, unit_price_cents,"
                  + " quantity, line_total_cents, dish_version)"
                  + " VALUES (:order, :line, :dish, :name, :price, :quantity, :lineTotal,"
                  + " :version)")
          .param("order", order.id())
          .param("line", i)
          .param("dish", line.dishId())
          .param("name", line.name())
          .param("price", line.unitPriceCents())
          .param("quantity", line.quantity())
          .param("lineTotal", line.lineTotalCents())
          .param("version", line.dishVersion())
          .update();
    }
  }

  /**
   * Reads one order with its lines.
   *
   * @param id the order id
   * @return the order, or empty when there is none with that id
   */
  public Optional<Order> find(String id) {
    return jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = :id")
        .param("id", id)
        .query(OrderRepository::header)
        .optional()
        .map(header -> header.withItems(linesOf(List.of(id)).getOrDefault(id, List.of())));
  }

  /**
   * Reads a customer's most recent orders, newest first.
   *
   * @param customerId the customer
   * @param limit how many orders at most
   * @return the orders with their lines
   */
  public List<Order> findByCustomer(String customerId, int limit) {
    List<OrderHeader> headers =
        jdbc.sql(
                "SELECT "
                    + ORDER_COLUMNS
                    + " FROM orders WHERE customer_id = :customer"
                    + " ORDER BY placed_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
            .param("customer", customerId)
            .param("limit", limit)
            .query(OrderRepository::header)
            .list();
    if (headers.isEmpty()) {
      return List.of();
    }
    Map<String, List<OrderLine>> lines = linesOf(headers.stream().map(OrderHeader::id).toList());
    return headers.stream().map(h -> h.withItems(lines.getOrDefault(h.id(), List.of()))).toList();
  }

  /**
   * Looks a customer's Idempotency-Key up.
   *
   * @param customerId the customer who sent it
   * @param key the key
   * @return the order it placed and its request fingerprint, or empty when it is new
   */
  public Optional<StoredKey> findKey(String customerId, String key) {
    return jdbc.sql(
            "SELECT id, request_hash FROM orders"
                + " WHERE customer_id = :customer AND idempotency_key = :key")
        .param("customer", customerId)
        .param("key", key)
        .query((rs, n) -> new StoredKey(rs.getString("id"), rs.getString("request_hash")))
        .optional();
  }

  /**
   * Cancels an order that is still placed; a cancelled order is left as it is.
   *
   * @param id the order id
   * @param at when it was cancelled
   * @return whether this call changed the order
   */
  public boolean cancel(String id, Instant at) {
    return jdbc.sql(
                "UPDATE orders SET status = 'CANCELLED', cancelled_at = :at"
                    + " WHERE id = :id AND status = 'PLACED'")
            .param("id", id)
            .param("at", UtcTimestamps.of(at))
            .update()
        == 1;
  }

  private Map<String, List<OrderLine>> linesOf(List<String> orderIds) {
    Map<String, List<OrderLine>> lines = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT order_id, dish_id, dish_name, unit_price_cents, quantity, line_total_cents,"
                + " dish_version FROM order_items WHERE order_id IN (:ids)"
                + " ORDER BY order_id, line_no")
        .param("ids", orderIds)
        .query(
            rs -> {
              lines
                  .computeIfAbsent(rs.getString("order_id"), k -> new ArrayList<>())
                  .add(
                      new OrderLine(
                          rs.getString("dish_id"),
                          rs.getString("dish_name"),
                          rs.getLong("unit_price_cents"),
                          rs.getInt("quantity"),
                          rs.getLong("line_total_cents"),
                          rs.getLong("dish_version")));
            });
    return lines;
  }

  private static OrderHeader header(ResultSet rs, int row) throws SQLException {
    return new OrderHeader(
        rs.getString("id"),
        rs.getString("customer_id"),
        OrderStatus.valueOf(rs.getString("status")),
        rs.getString("currency"),
        rs.getLong("total_cents"),
        UtcTimestamps.read(rs, "placed_at"),
        UtcTimestamps.read(rs, "cancelled_at"));
  }

  /** An orders row before its lines are attached. */
  private record OrderHeader(
      String id,
      String customerId,
      OrderStatus status,
      String currency,
      long totalCents,
      Instant placedAt,
      Instant cancelledAt) {

    Order withItems(List<OrderLine> items) {
      return new Order(id, customerId, items, totalCents, currency, status, placedAt, cancelledAt);
    }
  }
}

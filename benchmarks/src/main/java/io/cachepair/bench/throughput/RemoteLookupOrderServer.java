package io.cachepair.bench.throughput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The design the seed replaces, as a small order server in a JVM of its own: for every order it
 * asks menu-service for each dish over HTTP ({@code GET /api/dishes/{id}}, one after the other),
 * then stores the order with its lines and Idempotency-Key in an H2 file database with the same
 * schema and durability ({@code WRITE_DELAY=0}) as order-service's.
 *
 * <p>Arguments: {@code <port> <menu base URL> <database path>}. Prints {@code LISTENING} when up.
 * It is lighter than order-service (no Spring, no validation framework), which favours the
 * baseline.
 */
public final class RemoteLookupOrderServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient MENU =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final String menu;
  private final ThreadLocal<Connection> connections;

  private RemoteLookupOrderServer(String menu, String jdbcUrl) {
    this.menu = menu;
    this.connections =
        ThreadLocal.withInitial(
            () -> {
              try {
                Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
                c.setAutoCommit(false);
                return c;
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  public static void main(String[] args) throws Exception {
    String jdbcUrl = "jdbc:h2:file:" + args[2] + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
        Statement s = c.createStatement();
        InputStream schema =
            RemoteLookupOrderServer.class.getResourceAsStream("/baseline/V1__orders.sql")) {
      // order-service's Flyway migration: drop its comment lines (they may hold ';') and split
      String sql =
          new String(schema.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.strip().startsWith("--"))
              .collect(Collectors.joining("\n"));
      for (String ddl : sql.split(";")) {
        if (!ddl.isBlank()) {
          s.execute(ddl);
        }
      }
    }
    RemoteLookupOrderServer server = new RemoteLookupOrderServer(args[1], jdbcUrl);
    HttpServer http =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 256);
    // order-service runs on Tomcat's pool; a pool as wide as any concurrency we drive
    http.setExecutor(Executors.newFixedThreadPool(64));
    http.createContext("/api/orders", server::handle);
    http.start();
    System.out.println("LISTENING");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "{}");
        return;
      }
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      List<JsonNode> dishes = new ArrayList<>();
      for (JsonNode item : request.path("items")) {
        HttpResponse<String> r =
            MENU.send(
                HttpRequest.newBuilder(
                        URI.create(menu + "/api/dishes/" + item.path("dishId").asText()))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          answer(exchange, 422, "{\"detail\":\"unknown dish\"}");
          return;
        }
        JsonNode dish = JSON.readTree(r.body());
        if (!dish.path("available").asBoolean(true)) {
          answer(exchange, 422, "{\"detail\":\"dish unavailable\"}");
          return;
        }
        dishes.add(dish);
      }
      answer(exchange, 201, store(request, dishes, key));
    } catch (Exception e) {
      answer(exchange, 500, "{\"detail\":\"" + e.getClass().getSimpleName() + "\"}");
    }
  }

  private String store(JsonNode request, List<JsonNode> dishes, String key) throws SQLException {
    Connection c = connections.get();
    String id = UUID.randomUUID().toString();
    long total = 0;
    try {
      if (key != null) {
        try (PreparedStatement find =
            c.prepareStatement("SELECT id FROM orders WHERE idempotency_key = ?")) {
          find.setString(1, key);
          try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
              c.rollback();
              return "{\"id\":\"" + rs.getString(1) + "\"}";
            }
          }
        }
      }
      try (PreparedStatement lines =
          c.prepareStatement(
              "INSERT INTO order_items (order_id, line_no, dish_id, dish_name, unit_price_cents,"
                  + " quantity, line_total_cents, dish_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        JsonNode items = request.path("items");
        for (int i = 0; i < dishes.size(); i++) {
          JsonNode dish = dishes.get(i);
          int quantity = items.get(i).path("quantity").asInt();
          long price = dish.path("priceCents").asLong();
          total += price * quantity;
          lines.setString(1, id);
          lines.setInt(2, i);
          lines.setString(3, dish.path("id").asText());
          lines.setString(4, dish.path("name").asText());
          lines.setLong(5, price);
          lines.setInt(6, quantity);
          lines.setLong(7, price * quantity);
          lines.setLong(8, dish.path("version").asLong());
          lines.addBatch();
        }
        try (PreparedStatement order =
            c.prepareStatement(
                "INSERT INTO orders (id, customer_id, status, currency, total_cents, placed_at,"
                    + " idempotency_key, request_hash) VALUES (?, ?, 'PLACED', ?, ?, ?, ?, ?)")) {
          order.setString(1, id);
          order.setString(2, request.path("customerId").asText());
          order.setString(3, dishes.get(0).path("currency").asText());
          order.setLong(4, total);
          order.setTimestamp(5, Timestamp.from(Instant.now()));
          order.setString(6, key);
          order.setString(7, key == null ? null : Integer.toHexString(request.hashCode()));
          order.executeUpdate();
        }
        lines.executeBatch();
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    }
    return "{\"id\":\"" + id + "\",\"totalCents\":" + total + "}";
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

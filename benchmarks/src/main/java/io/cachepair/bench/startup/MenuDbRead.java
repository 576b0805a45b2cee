package io.cachepair.bench.startup;

import io.cachepair.contract.dish.Dish;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the database half of a preload on its own: the menu's slice query over its (stopped) H2
 * file, in the menu's batch size, mapping every row to a {@link Dish} — the service logs only the
 * preload as a whole, so the cache half is the preload minus this.
 */
final class MenuDbRead {

  private static final String SLICE =
      "SELECT id, name, description, category, price_cents, currency, available, version,"
          + " updated_at, origin, deleted FROM dish WHERE id > ? ORDER BY id LIMIT ?";

  private MenuDbRead() {}

  /**
   * Reads every dish row as the preload does.
   *
   * @param dataDir the menu's data folder (its DB is {@code menu/menu.mv.db} under it)
   * @param batch the preload batch size
   * @return milliseconds the read took
   */
  static double millis(Path dataDir, int batch) throws SQLException {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("menu").resolve("menu");
    try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
        PreparedStatement s = c.prepareStatement(SLICE)) {
      long t0 = System.nanoTime();
      String after = "";
      int rows;
      do {
        s.setString(1, after);
        s.setInt(2, batch);
        List<Dish> slice = new ArrayList<>(batch);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            slice.add(
                Dish.builder(rs.getString(1))
                    .name(rs.getString(2))
                    .description(rs.getString(3))
                    .category(rs.getString(4))
                    .priceCents(rs.getLong(5))
                    .currency(rs.getString(6))
                    .available(rs.getBoolean(7))
                    .version(rs.getLong(8))
                    .updatedAt(rs.getTimestamp(9).toInstant())
                    .origin(rs.getString(10))
                    .deleted(rs.getBoolean(11))
                    .build());
          }
        }
        rows = slice.size();
        if (rows > 0) {
          after = slice.get(rows - 1).id();
        }
      } while (rows == batch);
      return (System.nanoTime() - t0) / 1e6;
    }
  }
}

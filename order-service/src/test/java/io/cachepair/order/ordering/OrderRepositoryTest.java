package io.cachepair.order.ordering;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on an H2 file database like the service's local default. */
class OrderRepositoryTest extends OrderRepositoryContract {

  @TempDir Path dataDir;

  @Override
  HikariDataSource openDatabase() {
    return pool(
        "jdbc:h2:file:" + dataDir.resolve("order/order").toAbsolutePath() + ";WRITE_DELAY=0",
        "sa",
        "");
  }
}

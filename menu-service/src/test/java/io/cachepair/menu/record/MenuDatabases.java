package io.cachepair.menu.record;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cachepair.testsupport.db.TestPostgres;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The two databases the menu runs on — PostgreSQL (production) and H2 (the local default) — each
 * freshly migrated, behind a real connection pool, for tests that must hold on both.
 */
public enum MenuDatabases implements Supplier<HikariDataSource> {
  POSTGRESQL {
    @Override
    public HikariDataSource get() {
      TestPostgres.Database db = TestPostgres.shared().createDatabase("menu_record");
      return migrated(pool(db.jdbcUrl(), db.username(), db.password()));
    }
  },
  H2 {
    @Override
    public HikariDataSource get() {
      return migrated(
          pool("jdbc:h2:mem:menu-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }
  };

  static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(12);
    return new HikariDataSource(config);
  }

  static HikariDataSource migrated(HikariDataSource ds) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return ds;
  }

  /** Migrates a data source only up to a version, to test what the next migration does. */
  static void migrateTo(DataSource ds, String version) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }
}

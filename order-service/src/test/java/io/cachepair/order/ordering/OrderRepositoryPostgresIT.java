package io.cachepair.order.ordering;

import com.zaxxer.hikari.HikariDataSource;
import io.cachepair.testsupport.db.TestPostgres;

/** The repository contract on PostgreSQL, the database every order replica shares. */
class OrderRepositoryPostgresIT extends OrderRepositoryContract {

  private TestPostgres.Database database;

  @Override
  HikariDataSource openDatabase() {
    if (database == null) {
      database = TestPostgres.shared().createDatabase("orders_repo");
    }
    return pool(database.jdbcUrl(), database.username(), database.password());
  }
}

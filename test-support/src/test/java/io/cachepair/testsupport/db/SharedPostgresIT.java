package io.cachepair.testsupport.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The shared server runs as production does and hands out databases of their own. */
class SharedPostgresIT {

  @Test
  void databases_areApart_andCommitsAreSynchronous() throws Exception {
    TestPostgres pg = TestPostgres.shared();
    TestPostgres.Database a = pg.createDatabase("apart");
    TestPostgres.Database b = pg.createDatabase("apart");
    assertThat(a.name()).isNotEqualTo(b.name());
    try (Connection c = DriverManager.getConnection(a.jdbcUrl(), a.username(), a.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      try (ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("on");
      }
      try (ResultSet rs = s.executeQuery("SHOW listen_addresses")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
      }
    }
    try (Connection c = DriverManager.getConnection(b.jdbcUrl(), b.username(), b.password());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name='t'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}

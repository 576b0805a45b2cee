package io.cachepair.menu.record;

import io.cachepair.member.jdbc.UtcTimestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The menu database's identity: generated once when the first menu starts on it, and kept in it, so
 * that the cluster can tell whether a menu is on the database that seeded it.
 */
@Component
public class MenuDatabase {

  private final JdbcClient jdbc;
  private volatile String identity;

  /**
   * Creates the accessor; the identity is read (or created) on first use, after the migrations.
   *
   * @param jdbc the menu database
   */
  public MenuDatabase(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** This database's identity, created by whichever menu asks first. */
  public String identity() {
    String known = identity;
    if (known == null) {
      known = stored().orElseGet(this::create);
      identity = known;
    }
    return known;
  }

  private String create() {
    try {
      jdbc.sql("INSERT INTO menu_database (id, identity, created_at) VALUES (1, :identity, :at)")
          .param("identity", UUID.randomUUID().toString())
          .param("at", UtcTimestamps.of(Instant.now()))
          .update();
    } catch (DuplicateKeyException e) {
      // another menu created it at the same moment: theirs counts
    }
    return stored().orElseThrow(() -> new IllegalStateException("menu_database has no identity"));
  }

  private Optional<String> stored() {
    return jdbc.sql("SELECT identity FROM menu_database WHERE id = 1")
        .query(String.class)
        .optional();
  }
}

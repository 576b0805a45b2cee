package io.cachepair.menu.dish;

import io.cachepair.member.jdbc.UtcTimestamps;
import io.cachepair.menu.MenuProperties;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The name this menu writes dishes with, which breaks ties between equal versions: generated once
 * per database and kept in it, so a restarted menu writes as the same origin ({@code
 * cachepair.menu.origin} overrides it).
 */
@Component
public class MenuOrigin {

  private static final Logger log = LoggerFactory.getLogger(MenuOrigin.class);

  private final JdbcClient jdbc;
  private final String configured;
  private volatile String origin;

  /**
   * Creates the holder; the origin is resolved on first use (after the migrations ran).
   *
   * @param jdbc the menu database
   * @param properties where an explicit origin may be configured
   */
  public MenuOrigin(JdbcClient jdbc, MenuProperties properties) {
    this.jdbc = jdbc;
    this.configured = properties.origin();
  }

  /** The origin of this menu's writes. */
  public String value() {
    String value = origin;
    if (value == null) {
      synchronized (this) {
        if (origin == null) {
          origin = resolve();
        }
        value = origin;
      }
    }
    return value;
  }

  private String resolve() {
    if (!configured.isEmpty()) {
      log.info("Menu origin {} (configured by cachepair.menu.origin)", configured);
      return configured;
    }
    Optional<String> stored = stored();
    if (stored.isPresent()) {
      log.info("Menu origin {} (kept in this database)", stored.get());
      return stored.get();
    }
    String generated = "menu-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    jdbc.sql("INSERT INTO menu_instance (id, origin, created_at) VALUES (1, :origin, :at)")
        .param("origin", generated)
        .param("at", UtcTimestamps.of(Instant.now()))
        .update();
    log.info("Menu origin {} (generated for this new database)", generated);
    return generated;
  }

  private Optional<String> stored() {
    return jdbc.sql("SELECT origin FROM menu_instance WHERE id = 1").query(String.class).optional();
  }
}

package io.cachepair.systemtest.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.contract.dish.Dish;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.testsupport.db.TestPostgres;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a history check compares at the end: each member's view digest (and each menu's database
 * digest), each hot dish's final version per member, and the database's revision history.
 */
public final class FinalState {

  private final Map<String, String> digests = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> finals = new LinkedHashMap<>();

  /** Each member's digest, and each menu's database digest. */
  public Map<String, String> digests() {
    return digests;
  }

  /** Per member (and database), each hot dish's version; absent = deleted. */
  public Map<String, Map<String, Long>> finals() {
    return finals;
  }

  /** Whether every digest and every final state agree. */
  public boolean converged() {
    return new HashSet<>(digests.values()).size() == 1
        && new HashSet<>(finals.values()).size() == 1;
  }

  /** Reads the state of every member now; menus answer from the database. */
  public static FinalState of(List<ServiceProcess> members, List<String> hot) {
    FinalState state = new FinalState();
    for (ServiceProcess m : members) {
      boolean menu = m.kind().name().equals("MENU");
      Map<String, Long> versions = new TreeMap<>();
      for (String dish : hot) {
        HttpResult r = m.http().get((menu ? "/api/dishes/" : "/api/menu/") + dish);
        if (r.status() == 200) {
          versions.put(dish, r.json().get("version").asLong());
        }
      }
      state.finals.put(m.name() + (menu ? " (database)" : " (view)"), versions);
      state.digests.put(
          m.name() + " view", m.clusterWithDigest().path("view").path("digest").asText());
      if (menu) {
        state.digests.put(m.name() + " database", databaseDigest(m));
      }
    }
    return state;
  }

  /** The digest of the live (id, version) pairs the menu's API reads from its database. */
  private static String databaseDigest(ServiceProcess menu) {
    List<Dish> live = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode body = menu.http().get("/api/dishes?size=500&page=" + page).json();
      for (JsonNode d : body.get("dishes")) {
        live.add(
            Dish.builder(d.get("id").asText())
                .version(d.get("version").asLong())
                .updatedAt(Instant.EPOCH)
                .origin("-")
                .build());
      }
      if (page + 1 >= body.get("totalPages").asInt()) {
        break;
      }
    }
    return LocalDishes.digestOf(live);
  }

  /** Every committed revision of the given dishes, from the menu database's history. */
  public static List<Revision> revisions(TestPostgres.Database menuDb, List<String> dishes)
      throws SQLException {
    List<Revision> revisions = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(menuDb.jdbcUrl(), menuDb.username(), menuDb.password());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT dish_id, version, price_cents, deleted FROM dish_revision"
                    + " WHERE dish_id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("text", dishes.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          revisions.add(
              new Revision(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)));
        }
      }
    }
    return revisions;
  }
}

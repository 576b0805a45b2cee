package io.cachepair.menu.preload;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.contract.meta.SeedRecord;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseCheckTest {

  private static final String MINE = "db-mine";
  private static final String OTHER = "db-other";

  private static Optional<SeedRecord> seededBy(String identity) {
    return Optional.of(new SeedRecord(identity, 500, Instant.EPOCH, "menu-1"));
  }

  @Test
  void emptyCluster_isSeededByThisDatabase() {
    assertThat(DatabaseCheck.decide(MINE, 0, Optional.empty(), 0, 0, false).action())
        .isEqualTo(DatabaseCheck.Action.SEED);
  }

  @Test
  void clusterSeededByThisDatabase_isReconciled() {
    assertThat(DatabaseCheck.decide(MINE, 700, seededBy(MINE), 100, 650, false).action())
        .isEqualTo(DatabaseCheck.Action.RECONCILE);
  }

  @Test
  void anotherDatabase_isRefused_namingBothIdentitiesAndVersions() {
    DatabaseCheck check = DatabaseCheck.decide(OTHER, 10, seededBy(MINE), 100, 650, false);
    assertThat(check.action()).isEqualTo(DatabaseCheck.Action.REFUSE);
    assertThat(check.reason())
        .contains("this menu's database is db-other (high-water version 10)")
        .contains("seeded by database db-mine (high-water version 500")
        .contains("highest version in the cluster now 650")
        .contains("cachepair.menu.reseed=true");
  }

  @Test
  void databaseBehindTheCluster_isRefused_evenWithTheRightIdentity() {
    DatabaseCheck check = DatabaseCheck.decide(MINE, 400, seededBy(MINE), 100, 650, false);
    assertThat(check.action()).isEqualTo(DatabaseCheck.Action.REFUSE);
    assertThat(check.reason())
        .contains("has handed out versions up to 400 only, but the cluster holds version 650");
  }

  @Test
  void emptyDatabase_isRefused_whenTheClusterHoldsDishes() {
    assertThat(DatabaseCheck.decide(MINE, 0, Optional.empty(), 100, 650, false).action())
        .isEqualTo(DatabaseCheck.Action.REFUSE);
  }

  @Test
  void reseedFlag_turnsARefusalIntoAReseed() {
    assertThat(DatabaseCheck.decide(OTHER, 10, seededBy(MINE), 100, 650, true).action())
        .isEqualTo(DatabaseCheck.Action.RESEED);
  }

  @Test
  void clusterWithoutSeedRecord_isAdopted_whenTheDatabaseIsAhead() {
    assertThat(DatabaseCheck.decide(MINE, 700, Optional.empty(), 100, 650, false).action())
        .isEqualTo(DatabaseCheck.Action.ADOPT);
  }
}

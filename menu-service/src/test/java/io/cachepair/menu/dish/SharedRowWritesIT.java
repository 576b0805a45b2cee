package io.cachepair.menu.dish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.cachepair.contract.dish.Dish;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.StorageQuorum;
import io.cachepair.menu.MenuProperties;
import io.cachepair.menu.gate.WriteGate;
import io.cachepair.menu.record.DishRevisions;
import io.cachepair.menu.record.MenuDatabases;
import io.cachepair.menu.record.VersionSequence;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several menus writing one shared row, on PostgreSQL and on H2: every unconditional write
 * succeeds, versions come from the one sequence and are never reused, every acknowledged version
 * names exactly one content in the history, and only a write with {@code If-Match} can fail (412).
 */
class SharedRowWritesIT {

  private HikariDataSource ds;
  private ExecutorService pool;

  private DishService menu(MenuDatabases database, String origin) {
    if (ds == null) {
      ds = database.get();
    }
    JdbcClient jdbc = JdbcClient.create(ds);
    JdbcTemplate template = new JdbcTemplate(ds);
    ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    availability.onApplicationEvent(
        new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
    MenuProperties properties =
        new MenuProperties(
            origin, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return new DishService(
        new DishRepository(jdbc, template),
        new DishOutbox(jdbc, template),
        new DishRevisions(jdbc, template),
        new VersionSequence(ds, template),
        new MenuOrigin(properties, new MockEnvironment()),
        new TransactionTemplate(new DataSourceTransactionManager(ds)),
        event -> {},
        Validation.buildDefaultValidatorFactory().getValidator(),
        properties,
        new WriteGate(
            availability,
            new DishCaches(null, List.of(), refusal -> {}),
            new StorageQuorum(new DishCaches(null, List.of(), refusal -> {}), 1)));
  }

  private static DishRequest ramen(long price) {
    return new DishRequest("ramen", "Tonkotsu Ramen", "Pork broth", "ramen", price, "EUR", true);
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (ds != null) {
      ds.close();
    }
  }

  @ParameterizedTest
  @EnumSource(MenuDatabases.class)
  void unconditionalWritesFromTwoMenus_allSucceed_withUniqueVersionsAndOneContentEach(
      MenuDatabases database) throws Exception {
    DishService menu1 = menu(database, "menu-1");
    DishService menu2 = menu(database, "menu-2");
    menu1.create(ramen(1000));
    pool = Executors.newFixedThreadPool(8);
    AtomicInteger prices = new AtomicInteger(2000);
    List<Future<Dish>> writes = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      DishService menu = i % 2 == 0 ? menu1 : menu2;
      writes.add(
          pool.submit(
              (Callable<Dish>) () -> menu.update("ramen", ramen(prices.incrementAndGet()), null)));
    }
    Set<Long> versions = new HashSet<>();
    DishRevisions history = new DishRevisions(JdbcClient.create(ds), new JdbcTemplate(ds));
    long highest = 0;
    for (Future<Dish> write : writes) {
      Dish acknowledged = write.get();
      assertThat(versions.add(acknowledged.version()))
          .as("version %d acknowledged twice", acknowledged.version())
          .isTrue();
      assertThat(history.find("ramen", acknowledged.version())).contains(acknowledged);
      highest = Math.max(highest, acknowledged.version());
    }
    assertThat(menu1.get("ramen").version()).isEqualTo(highest);
    System.out.printf(
        "%s: 160 concurrent unconditional writes from 2 menus, 0 failed, %d distinct versions%n",
        database, versions.size());
  }

  @ParameterizedTest
  @EnumSource(MenuDatabases.class)
  void writeWithIfMatch_whenTheVersionMoved_isRefusedWith412(MenuDatabases database) {
    DishService menu1 = menu(database, "menu-1");
    DishService menu2 = menu(database, "menu-2");
    Dish created = menu1.create(ramen(1000));
    menu2.update("ramen", ramen(1100), null);
    String stale = "\"" + created.version() + "\"";
    assertThatThrownBy(() -> menu1.update("ramen", ramen(1200), stale))
        .isInstanceOf(DishVersionMismatchProblem.class);
    assertThat(menu1.get("ramen").priceCents()).isEqualTo(1100);
  }

  @ParameterizedTest
  @EnumSource(MenuDatabases.class)
  void deleteAndRecreate_neverReusesAVersion_andVersionsAreUniqueAcrossDishes(
      MenuDatabases database) {
    DishService menu = menu(database, "menu-1");
    Dish first = menu.create(ramen(1000));
    Dish other = menu.create(new DishRequest("gyoza", "Gyoza", null, "starter", 700L, "EUR", true));
    Dish tombstone = menu.delete("ramen", null);
    Dish again = menu.create(ramen(1300));
    assertThat(List.of(first.version(), other.version(), tombstone.version(), again.version()))
        .doesNotHaveDuplicates()
        .isSorted();
    assertThat(tombstone.deleted()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(MenuDatabases.class)
  void concurrentCreatesOfOneNewId_oneWins_theOthersAreTold409(MenuDatabases database)
      throws Exception {
    DishService menu1 = menu(database, "menu-1");
    DishService menu2 = menu(database, "menu-2");
    pool = Executors.newFixedThreadPool(6);
    List<Future<Dish>> creates = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      DishService menu = i % 2 == 0 ? menu1 : menu2;
      long price = 1000 + i;
      creates.add(pool.submit(() -> menu.create(ramen(price))));
    }
    int created = 0;
    int exists = 0;
    for (Future<Dish> create : creates) {
      try {
        create.get();
        created++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(DishAlreadyExistsProblem.class);
        exists++;
      }
    }
    assertThat(created).isEqualTo(1);
    assertThat(exists).isEqualTo(5);
  }
}

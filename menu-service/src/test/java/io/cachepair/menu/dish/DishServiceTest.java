package io.cachepair.menu.dish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachepair.contract.dish.Dish;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.StorageQuorum;
import io.cachepair.menu.MenuProperties;
import io.cachepair.menu.gate.MenuNotReadyProblem;
import io.cachepair.menu.gate.WriteGate;
import io.cachepair.menu.record.DishRevisions;
import io.cachepair.menu.record.VersionSequence;
import io.cachepair.testsupport.validation.TestValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the menu's write path decides (ids, versions, conflicts, batch validation, readiness) on H2
 * with the real migrations and no cluster: the problems {@link DishControllerTest} renders come
 * from here.
 */
class DishServiceTest {

  private DishRepository dishes;
  private DishOutbox outbox;
  private ApplicationAvailabilityBean availability;
  private final List<Object> published = Collections.synchronizedList(new ArrayList<>());
  private DishService service;

  @BeforeEach
  void service() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(ds).load().migrate();
    JdbcClient jdbc = JdbcClient.create(ds);
    MenuProperties properties =
        new MenuProperties(
            "menu-test",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    JdbcTemplate template = new JdbcTemplate(ds);
    dishes = new DishRepository(jdbc, template);
    outbox = new DishOutbox(jdbc, template);
    availability = new ApplicationAvailabilityBean();
    ready(true);
    service =
        new DishService(
            dishes,
            outbox,
            new DishRevisions(jdbc, template),
            new VersionSequence(ds, template),
            new MenuOrigin(properties, new MockEnvironment()),
            new TransactionTemplate(new DataSourceTransactionManager(ds)),
            published::add,
            TestValidator.get(),
            properties,
            new WriteGate(
                availability,
                new DishCaches(null, List.of(), refusal -> {}),
                new StorageQuorum(new DishCaches(null, List.of(), refusal -> {}), 1)));
  }

  private void ready(boolean ready) {
    availability.onApplicationEvent(
        new AvailabilityChangeEvent<>(
            this, ready ? ReadinessState.ACCEPTING_TRAFFIC : ReadinessState.REFUSING_TRAFFIC));
  }

  private static DishRequest dish(String name, long priceCents) {
    return new DishRequest(null, name, null, null, priceCents, "EUR", null);
  }

  private static DishRequest dish(String id, String name, long priceCents) {
    return new DishRequest(id, name, null, null, priceCents, "EUR", null);
  }

  // ---- reads ------------------------------------------------------------------------------------

  @Test
  void get_unknownDish_isNotFound() {
    assertThatThrownBy(() -> service.get("no-such-dish"))
        .isInstanceOf(DishNotFoundProblem.class)
        .hasMessage("no dish with id 'no-such-dish'");
  }

  @Test
  void get_deletedDish_isNotFoundSayingDeleted() {
    service.create(dish("Natto Roll", 800));
    service.delete("natto-roll", null);

    assertThatThrownBy(() -> service.get("natto-roll"))
        .isInstanceOf(DishNotFoundProblem.class)
        .hasMessage("dish 'natto-roll' was deleted");
  }

  // ---- create -----------------------------------------------------------------------------------

  @Test
  void create_derivesTheIdFromTheName_startsAtVersion1_andRecordsTheOutboxEntry() {
    Dish created = service.create(dish("Vegan Burger", 1190));

    assertThat(created.id()).isEqualTo("vegan-burger");
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.available()).isTrue();
    assertThat(created.origin()).isEqualTo("menu-test");
    assertThat(dishes.find("vegan-burger")).contains(created);
    assertThat(outbox.backlog()).isEqualTo(1);
    assertThat(published).containsExactly(new DishesWritten(List.of(created)));
  }

  @Test
  void create_existingDish_isAConflictNamingItsVersion() {
    service.create(dish("dup-dish", "Dup Dish", 100));

    assertThatThrownBy(() -> service.create(dish("Dup Dish", 100)))
        .isInstanceOf(DishAlreadyExistsProblem.class)
        .hasMessage(
            "dish 'dup-dish' already exists (version 1); change it with PUT /api/dishes/dup-dish");
  }

  @Test
  void create_nameWithoutALetterOrDigit_isInvalidNamingTheName() {
    assertThatThrownBy(() -> service.create(dish("!!!", 100)))
        .isInstanceOf(InvalidDishProblem.class)
        .hasMessage("name: '!!!' has no letter or digit to derive an id from; give an id");
    assertThat(dishes.countAll()).isZero();
  }

  @Test
  void create_afterADelete_outranksTheTombstone() {
    service.create(dish("Natto Roll", 800));
    service.delete("natto-roll", null);

    assertThat(service.create(dish("Natto Roll", 850)).version()).isEqualTo(3);
  }

  // ---- update -----------------------------------------------------------------------------------

  @Test
  void update_currentIfMatch_bumpsTheVersion_aStaleOneIsAMismatch_noneIsUnconditional() {
    service.create(dish("Katsu Curry", 1300));

    assertThat(service.update("katsu-curry", dish("Katsu Curry", 1350), "\"1\"").version())
        .isEqualTo(2);
    assertThatThrownBy(() -> service.update("katsu-curry", dish("Katsu Curry", 1400), "\"1\""))
        .isInstanceOf(DishVersionMismatchProblem.class)
        .hasMessage(
            "If-Match \"1\" does not match the current version of dish 'katsu-curry' (ETag \"2\")");
    assertThat(service.update("katsu-curry", dish("Katsu Curry", 1400), null).version())
        .isEqualTo(3);
  }

  @Test
  void update_unknownDish_isNotFound() {
    assertThatThrownBy(() -> service.update("no-such-dish", dish("Udon", 1100), null))
        .isInstanceOf(DishNotFoundProblem.class)
        .hasMessage("no dish with id 'no-such-dish'");
  }

  @Test
  void update_idInTheBodyDiffersFromThePath_isInvalid() {
    service.create(dish("Udon", 1100));

    assertThatThrownBy(() -> service.update("udon", dish("soba", "Udon", 1100), null))
        .isInstanceOf(InvalidDishProblem.class)
        .hasMessage("id: 'soba' does not match the id in the path 'udon'");
  }

  @Test
  void update_ifMatchThatIsNotAnEtag_isInvalidNamingTheHeader() {
    service.create(dish("Udon", 1100));

    assertThatThrownBy(() -> service.update("udon", dish("Udon", 1200), "version-1"))
        .isInstanceOf(InvalidDishProblem.class)
        .hasMessage(
            "If-Match: 'version-1' is not an ETag of this API; send the ETag of a GET, e.g."
                + " \"3\"");
    assertThat(service.get("udon").priceCents()).isEqualTo(1100);
  }

  // ---- delete -----------------------------------------------------------------------------------

  @Test
  void delete_twice_isNotFoundSayingDeleted() {
    service.create(dish("Natto Roll", 800));
    service.delete("natto-roll", null);

    assertThatThrownBy(() -> service.delete("natto-roll", null))
        .isInstanceOf(DishNotFoundProblem.class)
        .hasMessage("dish 'natto-roll' was deleted");
    assertThat(dishes.find("natto-roll"))
        .get()
        .extracting(Dish::deleted, Dish::version)
        .containsExactly(true, 2L);
  }

  // ---- batch ------------------------------------------------------------------------------------

  @Test
  void importAll_invalidDishes_namesIndexAndField_andWritesNothing() {
    List<DishRequest> batch =
        List.of(dish("Batch Ok", 200), dish("Batch Bad", -1), dish("Batch Ok", 200));

    assertThatThrownBy(() -> service.importAll(batch))
        .isInstanceOfSatisfying(
            InvalidDishProblem.class,
            p -> {
              assertThat(p.getMessage())
                  .isEqualTo(
                      "[1].priceCents: must be greater than or equal to 0; [2].id: 'batch-ok' is"
                          + " also the id of [0]");
              assertThat(p.toProblemDetail().getProperties())
                  .containsEntry("fields", List.of("[1].priceCents", "[2].id"));
            });
    assertThat(dishes.countAll()).isZero();
    assertThat(outbox.backlog()).isZero();
    assertThat(published).isEmpty();
  }

  @Test
  void importAll_moreThan10000Dishes_isTooLarge_andWritesNothing() {
    List<DishRequest> batch = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) {
      batch.add(dish("big-" + i, "Big " + i, 1));
    }

    assertThatThrownBy(() -> service.importAll(batch))
        .isInstanceOf(BatchTooLargeProblem.class)
        .hasMessage(
            "the batch holds 10001 dishes; at most 10000 are accepted per request, split it");
    assertThat(dishes.countAll()).isZero();
  }

  // ---- readiness --------------------------------------------------------------------------------

  @Test
  void writesBeforeReadiness_areRefused_andChangeNothing() {
    service.create(dish("Miso Soup", 450));
    ready(false);

    assertThatThrownBy(() -> service.create(dish("Too Early", 100)))
        .isInstanceOf(MenuNotReadyProblem.class);
    assertThatThrownBy(() -> service.update("miso-soup", dish("Miso Soup", 500), null))
        .isInstanceOf(MenuNotReadyProblem.class);
    assertThatThrownBy(() -> service.delete("miso-soup", null))
        .isInstanceOf(MenuNotReadyProblem.class);
    assertThatThrownBy(() -> service.importAll(List.of(dish("Too Early", 100))))
        .isInstanceOf(MenuNotReadyProblem.class);
    assertThat(dishes.find("too-early")).isEmpty();
    assertThat(service.get("miso-soup").version()).isEqualTo(1);
  }
}

package io.cachepair.menu.dish;

import static io.cachepair.testsupport.http.JsonBodies.with;
import static io.cachepair.testsupport.problem.ProblemMatchers.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.meta.WritePause;
import io.cachepair.member.MemberWebConfiguration;
import io.cachepair.menu.gate.MenuNotReadyProblem;
import io.cachepair.menu.gate.WritesPausedProblem;
import io.cachepair.testsupport.security.SliceTokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The HTTP contract of {@code /api/dishes} with the service and the database behind it as mocks:
 * status codes, headers, how requests are read and validated, and every problem as the client sees
 * it. What the service decides is {@link DishServiceTest}'s business.
 */
@WebMvcTest(DishController.class)
@Import(MemberWebConfiguration.class)
class DishControllerTest {

  /**
   * Every request of this slice comes from an editor (scope menu:write) unless it says otherwise
   * ({@code .with(anonymous())} or another {@link SliceTokens#as}); the security rules are the
   * services' own ({@link MemberWebConfiguration}).
   */
  @TestConfiguration
  static class DefaultCaller {
    @Bean
    MockMvcBuilderCustomizer defaultCaller() {
      return builder ->
          builder.defaultRequest(
              MockMvcRequestBuilders.get("/").with(SliceTokens.as("editor-1", "menu:write")));
    }
  }

  @MockitoBean JwtDecoder jwtDecoder;

  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @Autowired MockMvc mvc;
  @MockitoBean DishService service;
  @MockitoBean DishRepository dishes;

  // ---- fixtures ---------------------------------------------------------------------------------

  /** The dish the service answers with. */
  private static Dish tunaRoll(long version) {
    return Dish.builder("spicy-tuna-roll")
        .name("Spicy Tuna Roll")
        .category("sushi")
        .priceCents(1250)
        .currency("EUR")
        .version(version)
        .updatedAt(AT)
        .origin("menu-test")
        .build();
  }

  /** {@link #tunaRollJson()} as the controller must hand it to the service. */
  private static DishRequest tunaRollRequest() {
    return new DishRequest(null, "Spicy Tuna Roll", null, "sushi", 1250L, "EUR", null);
  }

  /** A valid request body. */
  private static String tunaRollJson() {
    return """
        {"name":"Spicy Tuna Roll","category":"sushi","priceCents":1250,"currency":"EUR"}""";
  }

  private static MockHttpServletRequestBuilder postJson(String path, String body) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static MockHttpServletRequestBuilder putJson(String path, String body) {
    return put(path).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  // ---- GET /api/dishes --------------------------------------------------------------------------

  @Test
  void list_withoutParameters_returnsTheFirstPageOf20WithTotals() throws Exception {
    when(dishes.countLive()).thenReturn(45L);
    when(dishes.livePage(0, 20)).thenReturn(List.of(tunaRoll(1)));

    mvc.perform(get("/api/dishes"))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.totalDishes").value(45))
        .andExpect(jsonPath("$.totalPages").value(3))
        .andExpect(jsonPath("$.dishes[0].id").value("spicy-tuna-roll"))
        .andExpect(jsonPath("$.dishes[0].version").value(1))
        .andExpect(jsonPath("$.dishes[0].updatedAt").value("2026-12-01T10:00:00Z"));
  }

  @Test
  void list_largestPage_isAskedOfTheRepositoryAsGiven() throws Exception {
    when(dishes.countLive()).thenReturn(1001L);

    mvc.perform(get("/api/dishes?page=2&size=500"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.size").value(500))
        .andExpect(jsonPath("$.totalPages").value(3))
        .andExpect(jsonPath("$.dishes").isEmpty());
    verify(dishes).livePage(2, 500);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("io.cachepair.testsupport.http.PagingBounds#OUT_OF_BOUNDS")
  void list_parameterOutOfBoundsOrNotAWholeNumber_returns400NamingIt(String query, String detail)
      throws Exception {
    mvc.perform(get("/api/dishes?" + query)).andExpect(problem(400, "validation", detail));
    verifyNoInteractions(dishes);
  }

  // ---- GET /api/dishes/{id} ---------------------------------------------------------------------

  @Test
  void get_existingDish_returns200WithTheVersionAsEtag() throws Exception {
    when(service.get("spicy-tuna-roll")).thenReturn(tunaRoll(3));

    mvc.perform(get("/api/dishes/spicy-tuna-roll"))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
        .andExpect(jsonPath("$.id").value("spicy-tuna-roll"))
        .andExpect(jsonPath("$.name").value("Spicy Tuna Roll"))
        .andExpect(jsonPath("$.category").value("sushi"))
        .andExpect(jsonPath("$.priceCents").value(1250))
        .andExpect(jsonPath("$.currency").value("EUR"))
        .andExpect(jsonPath("$.available").value(true))
        .andExpect(jsonPath("$.version").value(3))
        .andExpect(jsonPath("$.origin").value("menu-test"));
  }

  @Test
  void get_ifNoneMatchTheCurrentEtag_returns304() throws Exception {
    when(service.get("spicy-tuna-roll")).thenReturn(tunaRoll(3));

    mvc.perform(get("/api/dishes/spicy-tuna-roll").header(HttpHeaders.IF_NONE_MATCH, "\"3\""))
        .andExpect(status().isNotModified())
        .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
        .andExpect(content().string(""));
  }

  @Test
  void get_unknownDish_returns404Problem() throws Exception {
    when(service.get("no-such-dish")).thenThrow(new DishNotFoundProblem("no-such-dish", false));

    mvc.perform(get("/api/dishes/no-such-dish"))
        .andExpect(problem(404, "dish-not-found", "no dish with id 'no-such-dish'"))
        .andExpect(jsonPath("$.dishId").value("no-such-dish"));
  }

  @Test
  void get_deletedDish_returns404SayingItWasDeleted() throws Exception {
    when(service.get("natto-roll")).thenThrow(new DishNotFoundProblem("natto-roll", true));

    mvc.perform(get("/api/dishes/natto-roll"))
        .andExpect(problem(404, "dish-not-found", "dish 'natto-roll' was deleted"));
  }

  @Test
  void get_unexpectedFailure_returns500WithoutInternals() throws Exception {
    when(service.get("spicy-tuna-roll"))
        .thenThrow(new IllegalStateException("connection refused: jdbc:h2:secret"));

    mvc.perform(get("/api/dishes/spicy-tuna-roll"))
        .andExpect(problem(500, "internal", "An unexpected error occurred; it has been logged."))
        .andExpect(content().string(not(containsString("jdbc"))));
  }

  // ---- POST /api/dishes -------------------------------------------------------------------------

  @Test
  void create_returns201WithLocationEtagAndTheDish() throws Exception {
    when(service.create(tunaRollRequest())).thenReturn(tunaRoll(1));

    mvc.perform(postJson("/api/dishes", tunaRollJson()))
        .andExpect(status().isCreated())
        .andExpect(header().string(HttpHeaders.LOCATION, "/api/dishes/spicy-tuna-roll"))
        .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
        .andExpect(jsonPath("$.id").value("spicy-tuna-roll"))
        .andExpect(jsonPath("$.version").value(1));
  }

  @Test
  void create_unknownField_is400NamingIt_andNothingIsWritten() throws Exception {
    mvc.perform(postJson("/api/dishes", with(tunaRollJson(), "/spiciness", "3")))
        .andExpect(problem(400, "malformed-request", "unknown field 'spiciness'"));
    verifyNoInteractions(service);
  }

  // ---- who may write ----------------------------------------------------------------------------

  @Test
  void writes_withoutAToken_are401ProblemJson_readsAreOpen() throws Exception {
    mvc.perform(postJson("/api/dishes", tunaRollJson()).with(anonymous()))
        .andExpect(problem(401, "unauthorized"))
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    mvc.perform(delete("/api/dishes/spicy-tuna-roll").with(anonymous()))
        .andExpect(problem(401, "unauthorized"));
    when(service.get("spicy-tuna-roll")).thenReturn(tunaRoll(1));
    mvc.perform(get("/api/dishes/spicy-tuna-roll").with(anonymous())).andExpect(status().isOk());
    verify(service).get("spicy-tuna-roll");
    verifyNoMoreInteractions(service);
  }

  @Test
  void writes_withoutScopeMenuWrite_are403ProblemJson() throws Exception {
    mvc.perform(postJson("/api/dishes", tunaRollJson()).with(SliceTokens.as("c-42")))
        .andExpect(problem(403, "forbidden", "the token does not allow POST /api/dishes"));
    mvc.perform(
            postJson("/api/dishes/batch", "[" + tunaRollJson() + "]")
                .with(SliceTokens.as("c-42", "orders:admin", "cluster:admin")))
        .andExpect(problem(403, "forbidden"));
    mvc.perform(delete("/api/dishes/spicy-tuna-roll").with(SliceTokens.as("c-42")))
        .andExpect(problem(403, "forbidden"));
    verifyNoInteractions(service);
  }

  @Test
  void create_existingId_returns409WithTheCurrentVersion() throws Exception {
    when(service.create(any())).thenThrow(new DishAlreadyExistsProblem("spicy-tuna-roll", 4));

    mvc.perform(postJson("/api/dishes", tunaRollJson()))
        .andExpect(
            problem(
                409,
                "dish-exists",
                "dish 'spicy-tuna-roll' already exists (version 4); change it with PUT"
                    + " /api/dishes/spicy-tuna-roll"))
        .andExpect(jsonPath("$.currentVersion").value(4));
  }

  @Test
  void create_beforeTheMenuIsReady_returns503() throws Exception {
    when(service.create(any())).thenThrow(new MenuNotReadyProblem());

    mvc.perform(postJson("/api/dishes", tunaRollJson()))
        .andExpect(
            problem(
                503,
                "menu-not-ready",
                "menu-service accepts writes once its preload is done and it is ready; see"
                    + " /actuator/health/readiness"));
  }

  @Test
  void create_thatKeptCollidingWithOtherWriters_returns503WithRetryAfter() throws Exception {
    when(service.create(any())).thenThrow(new ConcurrentDishChangeProblem("spicy-tuna-roll", 3));

    mvc.perform(postJson("/api/dishes", tunaRollJson()))
        .andExpect(
            problem(
                503,
                "concurrent-change",
                "the write of 'spicy-tuna-roll' collided with other writers 3 times in a row;"
                    + " retry it shortly"))
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"));
  }

  @Test
  void create_whileWritesArePaused_returns503WithTheReasonAndRetryAfter() throws Exception {
    Instant now = Instant.now();
    when(service.create(any()))
        .thenThrow(
            new WritesPausedProblem(
                new WritePause(
                    "rolling menu to contract 2", "cachepair-operator", now.plusSeconds(20)),
                now));

    mvc.perform(postJson("/api/dishes", tunaRollJson()))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.type").value(endsWith("/writes-paused")))
        .andExpect(jsonPath("$.detail").value(containsString("rolling menu to contract 2")))
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "20"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "name        | `\"  \"`         | name: must not be blank",
        "name        |                  | name: must not be blank",
        "priceCents  | -5               | priceCents: must be greater than or equal to 0",
        "currency    | `\"XYZ\"`        | currency: 'XYZ' is not an ISO 4217 currency code (e.g. EUR)",
        "id          | `\"Bad Id\"`     | id: must be lowercase letters and digits in words joined by"
            + " single hyphens",
      })
  void create_invalidField_returns400NamingIt(String field, String rawValue, String detail)
      throws Exception {
    mvc.perform(postJson("/api/dishes", with(tunaRollJson(), "/" + field, rawValue)))
        .andExpect(problem(400, "validation", detail))
        .andExpect(jsonPath("$.fields[0]").value(field));
    verifyNoInteractions(service);
  }

  @Test
  void create_missingPriceAndCurrency_returns400NamingBothFields() throws Exception {
    String withoutPriceAndCurrency =
        with(with(tunaRollJson(), "/priceCents", null), "/currency", null);

    mvc.perform(postJson("/api/dishes", withoutPriceAndCurrency))
        .andExpect(
            problem(400, "validation", "currency: must not be null; priceCents: must not be null"))
        .andExpect(jsonPath("$.fields", hasSize(2)))
        .andExpect(jsonPath("$.fields", containsInAnyOrder("currency", "priceCents")));
    verifyNoInteractions(service);
  }

  @Test
  void create_nameWithoutALetterOrDigit_returns400NamingTheName() throws Exception {
    when(service.create(any()))
        .thenThrow(
            InvalidDishProblem.of(
                "name", "'!!!' has no letter or digit to derive an id from; give an id"));

    mvc.perform(postJson("/api/dishes", with(tunaRollJson(), "/name", "\"!!!\"")))
        .andExpect(
            problem(
                400,
                "validation",
                "name: '!!!' has no letter or digit to derive an id from; give an id"))
        .andExpect(jsonPath("$.fields[0]").value("name"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "priceCents  | `\"cheap\"`  | priceCents: 'cheap' is not a whole number",
        "priceCents  | 12.5         | priceCents: '12.5' is not a whole number",
        "available   | `\"yes\"`    | available: 'yes' is not true or false",
        "name        | `{}`         | name: expected a string",
        "priceCents  | `[1250]`     | priceCents: expected a whole number",
      })
  void create_wrongJsonType_returns400NamingTheField(String field, String rawValue, String detail)
      throws Exception {
    mvc.perform(postJson("/api/dishes", with(tunaRollJson(), "/" + field, rawValue)))
        .andExpect(problem(400, "malformed-request", detail));
    verifyNoInteractions(service);
  }

  @Test
  void create_arrayInsteadOfADish_returns400() throws Exception {
    mvc.perform(postJson("/api/dishes", "[" + tunaRollJson() + "]"))
        .andExpect(problem(400, "malformed-request", "body: expected a JSON object"));
    verifyNoInteractions(service);
  }

  @Test
  void create_malformedJson_returns400WithTheLocation() throws Exception {
    mvc.perform(postJson("/api/dishes", "{\"name\": Broken}"))
        .andExpect(problem(400, "malformed-request"))
        .andExpect(
            jsonPath("$.detail")
                .value("malformed JSON at line 1, column 17: Unrecognized token 'Broken'"));
    verifyNoInteractions(service);
  }

  @Test
  void create_truncatedJson_returns400SayingTheBodyEndsEarly() throws Exception {
    mvc.perform(postJson("/api/dishes", "{\"name\": \"Broken\", "))
        .andExpect(problem(400, "malformed-request"))
        .andExpect(jsonPath("$.detail").value(startsWith("malformed JSON at line 1, column ")))
        .andExpect(
            jsonPath("$.detail")
                .value(endsWith(": the body ends before the JSON value is complete")));
    verifyNoInteractions(service);
  }

  @Test
  void create_noBody_returns400() throws Exception {
    mvc.perform(postJson("/api/dishes", ""))
        .andExpect(
            problem(400, "malformed-request", "the request body is missing or is not valid JSON"));
    verifyNoInteractions(service);
  }

  @Test
  void create_bodyThatIsNotJson_returns415() throws Exception {
    mvc.perform(post("/api/dishes").contentType(MediaType.TEXT_PLAIN).content("Spicy Tuna Roll"))
        .andExpect(
            problem(415, "http-error", "Content-Type 'text/plain;charset=UTF-8' is not supported."))
        .andExpect(header().exists(HttpHeaders.ACCEPT));
    verifyNoInteractions(service);
  }

  // ---- PUT /api/dishes/{id} ---------------------------------------------------------------------

  @Test
  void update_handsPathBodyAndIfMatchToTheService_andReturnsTheNewEtag() throws Exception {
    when(service.update("spicy-tuna-roll", tunaRollRequest(), "\"1\"")).thenReturn(tunaRoll(2));

    mvc.perform(
            putJson("/api/dishes/spicy-tuna-roll", tunaRollJson())
                .header(HttpHeaders.IF_MATCH, "\"1\""))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
        .andExpect(jsonPath("$.version").value(2));
  }

  @Test
  void update_withoutIfMatch_isUnconditional() throws Exception {
    when(service.update(eq("spicy-tuna-roll"), any(), isNull())).thenReturn(tunaRoll(2));

    mvc.perform(putJson("/api/dishes/spicy-tuna-roll", tunaRollJson()))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"2\""));
  }

  @Test
  void update_staleIfMatch_returns412WithTheCurrentVersion() throws Exception {
    when(service.update(any(), any(), any()))
        .thenThrow(new DishVersionMismatchProblem("spicy-tuna-roll", "\"1\"", 2));

    mvc.perform(
            putJson("/api/dishes/spicy-tuna-roll", tunaRollJson())
                .header(HttpHeaders.IF_MATCH, "\"1\""))
        .andExpect(
            problem(
                412,
                "version-mismatch",
                "If-Match \"1\" does not match the current version of dish 'spicy-tuna-roll'"
                    + " (ETag \"2\")"))
        .andExpect(jsonPath("$.currentVersion").value(2));
  }

  @Test
  void update_ifMatchThatIsNotAnEtag_returns400NamingTheHeader() throws Exception {
    when(service.update(any(), any(), eq("version-1"))).thenThrow(ifMatchProblem("version-1"));

    mvc.perform(
            putJson("/api/dishes/spicy-tuna-roll", tunaRollJson())
                .header(HttpHeaders.IF_MATCH, "version-1"))
        .andExpect(
            problem(
                400,
                "validation",
                "If-Match: 'version-1' is not an ETag of this API; send the ETag of a GET, e.g."
                    + " \"3\""))
        .andExpect(jsonPath("$.fields[0]").value("If-Match"));
  }

  /** The problem the service's own If-Match parser raises for a header. */
  private static InvalidDishProblem ifMatchProblem(String header) {
    try {
      DishService.IfMatch.parse(header);
    } catch (InvalidDishProblem e) {
      return e;
    }
    throw new AssertionError(header + " parsed as an ETag");
  }

  @Test
  void update_idInBodyDiffersFromThePath_returns400() throws Exception {
    when(service.update(eq("udon"), any(), any()))
        .thenThrow(InvalidDishProblem.of("id", "'soba' does not match the id in the path 'udon'"));

    mvc.perform(putJson("/api/dishes/udon", with(tunaRollJson(), "/id", "\"soba\"")))
        .andExpect(
            problem(400, "validation", "id: 'soba' does not match the id in the path 'udon'"));
  }

  @Test
  void update_unknownDish_returns404() throws Exception {
    when(service.update(eq("no-such-dish"), any(), any()))
        .thenThrow(new DishNotFoundProblem("no-such-dish", false));

    mvc.perform(putJson("/api/dishes/no-such-dish", tunaRollJson()))
        .andExpect(problem(404, "dish-not-found", "no dish with id 'no-such-dish'"));
  }

  @Test
  void update_invalidBody_returns400BeforeTheService() throws Exception {
    mvc.perform(putJson("/api/dishes/spicy-tuna-roll", with(tunaRollJson(), "/priceCents", "-1")))
        .andExpect(problem(400, "validation", "priceCents: must be greater than or equal to 0"));
    verifyNoInteractions(service);
  }

  // ---- DELETE /api/dishes/{id} ------------------------------------------------------------------

  @Test
  void delete_returns204WithTheTombstonesEtag_andHandsIfMatchToTheService() throws Exception {
    Dish tombstone =
        Dish.builder("spicy-tuna-roll")
            .version(4)
            .deleted(true)
            .updatedAt(Instant.parse("2026-12-01T10:00:00Z"))
            .origin("menu-1")
            .build();
    when(service.delete("spicy-tuna-roll", "\"3\"")).thenReturn(tombstone);

    mvc.perform(delete("/api/dishes/spicy-tuna-roll").header(HttpHeaders.IF_MATCH, "\"3\""))
        .andExpect(status().isNoContent())
        .andExpect(header().string(HttpHeaders.ETAG, "\"4\""))
        .andExpect(content().string(""));
    verify(service).delete("spicy-tuna-roll", "\"3\"");
  }

  @Test
  void delete_deletedDish_returns404SayingItWasDeleted() throws Exception {
    doThrow(new DishNotFoundProblem("natto-roll", true)).when(service).delete("natto-roll", null);

    mvc.perform(delete("/api/dishes/natto-roll"))
        .andExpect(problem(404, "dish-not-found", "dish 'natto-roll' was deleted"));
  }

  @Test
  void delete_staleIfMatch_returns412() throws Exception {
    doThrow(new DishVersionMismatchProblem("natto-roll", "\"1\"", 2))
        .when(service)
        .delete("natto-roll", "\"1\"");

    mvc.perform(delete("/api/dishes/natto-roll").header(HttpHeaders.IF_MATCH, "\"1\""))
        .andExpect(
            problem(
                412,
                "version-mismatch",
                "If-Match \"1\" does not match the current version of dish 'natto-roll' (ETag"
                    + " \"2\")"));
  }

  // ---- POST /api/dishes/batch -------------------------------------------------------------------

  @Test
  void batch_returnsWhatTheImportDid() throws Exception {
    when(service.importAll(List.of(tunaRollRequest(), tunaRollRequest())))
        .thenReturn(new BatchImportResult(2, 1, 1));

    mvc.perform(postJson("/api/dishes/batch", "[" + tunaRollJson() + "," + tunaRollJson() + "]"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imported").value(2))
        .andExpect(jsonPath("$.created").value(1))
        .andExpect(jsonPath("$.updated").value(1));
  }

  @Test
  void batch_invalidDishes_returns400NamingIndexAndField() throws Exception {
    when(service.importAll(anyList()))
        .thenThrow(
            new InvalidDishProblem(
                List.of("[1].priceCents", "[2].id"),
                List.of(
                    "[1].priceCents: must be greater than or equal to 0",
                    "[2].id: 'batch-ok' is also the id of [0]")));

    mvc.perform(postJson("/api/dishes/batch", "[" + tunaRollJson() + "]"))
        .andExpect(
            problem(
                400,
                "validation",
                "[1].priceCents: must be greater than or equal to 0; [2].id: 'batch-ok' is also"
                    + " the id of [0]"))
        .andExpect(jsonPath("$.fields[0]").value("[1].priceCents"))
        .andExpect(jsonPath("$.fields[1]").value("[2].id"));
  }

  @Test
  void batch_tooLarge_returns400WithTheLimit() throws Exception {
    when(service.importAll(anyList())).thenThrow(new BatchTooLargeProblem(10_001, 10_000));

    mvc.perform(postJson("/api/dishes/batch", "[" + tunaRollJson() + "]"))
        .andExpect(
            problem(
                400,
                "batch-too-large",
                "the batch holds 10001 dishes; at most 10000 are accepted per request, split it"))
        .andExpect(jsonPath("$.size").value(10_001))
        .andExpect(jsonPath("$.maxSize").value(10_000));
  }

  @Test
  void batch_oneDishInsteadOfAnArray_returns400() throws Exception {
    mvc.perform(postJson("/api/dishes/batch", tunaRollJson()))
        .andExpect(problem(400, "malformed-request", "body: expected a JSON array"));
    verifyNoInteractions(service);
  }

  @Test
  void batch_wrongTypeInAnEntry_returns400NamingIndexAndField() throws Exception {
    mvc.perform(
            postJson(
                "/api/dishes/batch",
                "[" + tunaRollJson() + "," + with(tunaRollJson(), "/priceCents", "\"x\"") + "]"))
        .andExpect(problem(400, "malformed-request", "[1].priceCents: 'x' is not a whole number"));
    verifyNoInteractions(service);
  }
}

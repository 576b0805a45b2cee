package io.cachepair.order.ordering;

import static io.cachepair.testsupport.http.JsonBodies.with;
import static io.cachepair.testsupport.problem.ProblemMatchers.problem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cachepair.member.MemberWebConfiguration;
import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.ReplicaUnavailableException;
import io.cachepair.testsupport.security.SliceTokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * The HTTP contract of {@code /api/orders} with {@link OrderService} as a mock: status codes,
 * Location and the idempotency headers, how the body is read and validated, and every refusal as
 * the client sees it. What the service decides is {@link OrderServiceTest}'s and {@link
 * OrderPricingTest}'s; replays across the real database and a real member are {@code
 * OrderServiceApiIT}'s.
 */
@WebMvcTest(OrderController.class)
@Import(MemberWebConfiguration.class)
class OrderControllerTest {

  /**
   * Every request of this slice comes from customer c-42 unless it says otherwise ({@code
   * .with(anonymous())} or another {@link SliceTokens#as}); the security rules are the services'
   * own ({@link MemberWebConfiguration}).
   */
  @TestConfiguration
  static class DefaultCaller {
    @Bean
    MockMvcBuilderCustomizer defaultCaller() {
      return builder ->
          builder.defaultRequest(MockMvcRequestBuilders.get("/").with(SliceTokens.as("c-42")));
    }
  }

  @MockitoBean JwtDecoder jwtDecoder;

  private static final String ORDER_ID = "6f1c2a4e-0d7b-4c1e-9a55-3b2f7c9d8e10";
  private static final Instant PLACED_AT = Instant.parse("2025-05-01T08:30:00.123Z");

  @Autowired MockMvc mvc;
  @MockitoBean OrderService orders;

  // ---- fixtures ---------------------------------------------------------------------------------

  /** A valid request body: two miso soups. */
  private static String misoSoupJson() {
    return """
        {"customerId":"c-42","items":[{"dishId":"miso-soup","quantity":2}]}""";
  }

  /** {@link #misoSoupJson()} as the controller must hand it to the service. */
  private static PlaceOrderRequest misoSoupRequest() {
    return new PlaceOrderRequest("c-42", List.of(new PlaceOrderRequest.Item("miso-soup", 2, null)));
  }

  /** The order the service answers with. */
  private static Order misoSoupOrder() {
    return new Order(
        ORDER_ID,
        "c-42",
        List.of(new OrderLine("miso-soup", "Miso Soup", 450, 2, 900, 3)),
        900,
        "EUR",
        OrderStatus.PLACED,
        PLACED_AT,
        null);
  }

  private static MockHttpServletRequestBuilder placeOrder(String body) {
    return post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  /** The problem {@link IdempotencyKey} raises for a header value. */
  private static InvalidIdempotencyKeyProblem keyProblem(String header) {
    try {
      IdempotencyKey.parse(header);
    } catch (InvalidIdempotencyKeyProblem e) {
      return e;
    }
    throw new AssertionError("'" + header + "' was accepted as a key");
  }

  // ---- placing ----------------------------------------------------------------------------------

  @Test
  void placeOrder_returns201WithLocationTheOrderAndReplayedFalse() throws Exception {
    when(orders.place(misoSoupRequest(), null)).thenReturn(new Placement(misoSoupOrder(), true));

    mvc.perform(placeOrder(misoSoupJson()))
        .andExpect(status().isCreated())
        .andExpect(header().string(HttpHeaders.LOCATION, "http://localhost/api/orders/" + ORDER_ID))
        .andExpect(header().string("Idempotent-Replayed", "false"))
        .andExpect(jsonPath("$.id").value(ORDER_ID))
        .andExpect(jsonPath("$.customerId").value("c-42"))
        .andExpect(jsonPath("$.status").value("PLACED"))
        .andExpect(jsonPath("$.currency").value("EUR"))
        .andExpect(jsonPath("$.totalCents").value(900))
        .andExpect(jsonPath("$.placedAt").value("2025-05-01T08:30:00.123Z"))
        .andExpect(jsonPath("$.cancelledAt").doesNotExist())
        .andExpect(jsonPath("$.items[0].dishId").value("miso-soup"))
        .andExpect(jsonPath("$.items[0].name").value("Miso Soup"))
        .andExpect(jsonPath("$.items[0].unitPriceCents").value(450))
        .andExpect(jsonPath("$.items[0].quantity").value(2))
        .andExpect(jsonPath("$.items[0].lineTotalCents").value(900))
        .andExpect(jsonPath("$.items[0].dishVersion").value(3));
  }

  @Test
  void placeOrder_replayOfAnIdempotencyKey_returns200WithTheFirstOrderAndReplayedTrue()
      throws Exception {
    when(orders.place(misoSoupRequest(), "retry-1"))
        .thenReturn(new Placement(misoSoupOrder(), false));

    mvc.perform(placeOrder(misoSoupJson()).header("Idempotency-Key", "retry-1"))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.LOCATION, "http://localhost/api/orders/" + ORDER_ID))
        .andExpect(header().string("Idempotent-Replayed", "true"))
        .andExpect(jsonPath("$.id").value(ORDER_ID));
  }

  @Test
  void placeOrder_unknownField_is400NamingIt() throws Exception {
    mvc.perform(placeOrder(with(misoSoupJson(), "/items/0/note", "\"extra ginger\"")))
        .andExpect(problem(400, "malformed-request", "unknown field 'note'"));
    // the typo that used to skip the price guard silently
    mvc.perform(placeOrder(with(misoSoupJson(), "/items/0/expectedUnitPriceCent", "450")))
        .andExpect(problem(400, "malformed-request", "unknown field 'expectedUnitPriceCent'"));
    verifyNoInteractions(orders);
  }

  // ---- whose order ------------------------------------------------------------------------------

  @Test
  void placeOrder_withoutCustomerId_isTheTokensCustomers() throws Exception {
    when(orders.place(misoSoupRequest(), null)).thenReturn(new Placement(misoSoupOrder(), true));

    mvc.perform(placeOrder("{\"items\":[{\"dishId\":\"miso-soup\",\"quantity\":2}]}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.customerId").value("c-42"));
  }

  @Test
  void placeOrder_withoutAToken_is401_forAnotherCustomer_is403() throws Exception {
    mvc.perform(placeOrder(misoSoupJson()).with(anonymous()))
        .andExpect(problem(401, "unauthorized"));
    mvc.perform(placeOrder(misoSoupJson()).with(SliceTokens.as("c-7")))
        .andExpect(
            problem(
                403,
                "customer-mismatch",
                "customerId 'c-42' is not the token's subject 'c-7'; orders are placed only as the"
                    + " customer the token names (leave customerId out)"));
    verifyNoInteractions(orders);
  }

  @Test
  void anotherCustomersOrder_is404ToReadAndCancel_ordersAdminReadsIt() throws Exception {
    when(orders.get(ORDER_ID)).thenReturn(misoSoupOrder());

    mvc.perform(get("/api/orders/" + ORDER_ID).with(SliceTokens.as("c-7")))
        .andExpect(problem(404, "order-not-found"));
    mvc.perform(post("/api/orders/" + ORDER_ID + "/cancel").with(SliceTokens.as("c-7")))
        .andExpect(problem(404, "order-not-found"));
    mvc.perform(
            post("/api/orders/" + ORDER_ID + "/cancel")
                .with(SliceTokens.as("support", "orders:admin")))
        .andExpect(problem(404, "order-not-found"));
    mvc.perform(get("/api/orders/" + ORDER_ID).with(SliceTokens.as("support", "orders:admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customerId").value("c-42"));
    verify(orders, never()).cancel(any());
  }

  @Test
  void placeOrder_blankIdempotencyKey_returns400NamingTheHeader() throws Exception {
    when(orders.place(any(), any())).thenThrow(keyProblem(" "));

    mvc.perform(placeOrder(misoSoupJson()).header("Idempotency-Key", " "))
        .andExpect(problem(400, "validation", "Idempotency-Key: must not be blank"))
        .andExpect(jsonPath("$.fields[0]").value("Idempotency-Key"));
  }

  @Test
  void placeOrder_idempotencyKeyReusedWithAnotherBody_returns422() throws Exception {
    when(orders.place(any(), any())).thenThrow(new IdempotencyKeyReusedProblem("retry-1"));

    mvc.perform(placeOrder(misoSoupJson()).header("Idempotency-Key", "retry-1"))
        .andExpect(
            problem(
                422,
                "idempotency-key-reused",
                "Idempotency-Key 'retry-1' was already used with a different request body"))
        .andExpect(jsonPath("$.idempotencyKey").value("retry-1"));
  }

  @Test
  void placeOrder_unknownDish_returns422NamingTheDish() throws Exception {
    when(orders.place(any(), isNull())).thenThrow(new UnknownDishProblem("unicorn-steak", 0));

    mvc.perform(placeOrder(with(misoSoupJson(), "/items/0/dishId", "\"unicorn-steak\"")))
        .andExpect(
            problem(
                422, "unknown-dish", "items[0].dishId: dish 'unicorn-steak' is not on the menu"))
        .andExpect(jsonPath("$.dishId").value("unicorn-steak"));
  }

  @Test
  void placeOrder_unavailableDish_returns422NamingTheDish() throws Exception {
    when(orders.place(any(), isNull()))
        .thenThrow(new DishUnavailableProblem("matcha-ice-cream", 0, "is not available right now"));

    mvc.perform(placeOrder(misoSoupJson()))
        .andExpect(
            problem(
                422,
                "dish-unavailable",
                "items[0].dishId: dish 'matcha-ice-cream' is not available right now"))
        .andExpect(jsonPath("$.dishId").value("matcha-ice-cream"));
  }

  @Test
  void placeOrder_dishesInDifferentCurrencies_returns422() throws Exception {
    when(orders.place(any(), isNull()))
        .thenThrow(new MixedCurrenciesProblem("spicy-tuna-roll", "EUR", "texas-burger", "USD"));

    mvc.perform(placeOrder(misoSoupJson()))
        .andExpect(
            problem(
                422,
                "mixed-currencies",
                "one order cannot mix currencies: dish 'spicy-tuna-roll' is priced in EUR,"
                    + " dish 'texas-burger' in USD"))
        .andExpect(jsonPath("$.currencies[0]").value("EUR"))
        .andExpect(jsonPath("$.currencies[1]").value("USD"));
  }

  @Test
  void placeOrder_expectedPriceDiffers_returns409WithTheCurrentPrice() throws Exception {
    when(orders.place(any(), isNull()))
        .thenThrow(new PriceChangedProblem("spicy-tuna-roll", 0, 1100, 1250, "EUR", 3));

    mvc.perform(placeOrder(misoSoupJson()))
        .andExpect(
            problem(
                409,
                "price-changed",
                "items[0].expectedUnitPriceCents: dish 'spicy-tuna-roll' costs 1250 EUR cents now,"
                    + " not 1100"))
        .andExpect(jsonPath("$.dishId").value("spicy-tuna-roll"))
        .andExpect(jsonPath("$.expectedUnitPriceCents").value(1100))
        .andExpect(jsonPath("$.currentUnitPriceCents").value(1250))
        .andExpect(jsonPath("$.currency").value("EUR"))
        .andExpect(jsonPath("$.dishVersion").value(3));
  }

  @Test
  void placeOrder_totalBeyondALong_returns422() throws Exception {
    when(orders.place(any(), isNull())).thenThrow(new OrderTooLargeProblem());

    mvc.perform(placeOrder(misoSoupJson()))
        .andExpect(
            problem(422, "order-too-large", "the order total exceeds 9223372036854775807 cents"));
  }

  @Test
  void placeOrder_beforeTheDishesWereLoaded_returns503NamingTheCluster() throws Exception {
    when(orders.place(any(), isNull()))
        .thenThrow(
            new DishesNotLoadedProblem("dishes never loaded in cluster pair-7", "pair-7", "OPEN"));

    mvc.perform(placeOrder(misoSoupJson()))
        .andExpect(problem(503, "dishes-not-loaded", "dishes never loaded in cluster pair-7"))
        .andExpect(jsonPath("$.cluster").value("pair-7"))
        .andExpect(jsonPath("$.replica").value("OPEN"));
  }

  @Test
  void placeOrder_replicaNotOpen_returns503WithRetryAfter() throws Exception {
    when(orders.place(any(), isNull()))
        .thenThrow(new ReplicaUnavailableException(CacheState.SYNCHRONIZING));

    mvc.perform(placeOrder(misoSoupJson()))
        .andExpect(
            problem(
                503,
                "replica-unavailable",
                "the local replica of the dishes is not available yet (SYNCHRONIZING)"))
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"));
  }

  // ---- request validation: 400 before the service is asked --------------------------------------

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "/items/0/quantity               | 0          | items[0].quantity: must be at least 1",
        "/items/0/quantity               | 101        | items[0].quantity: must be at most 100",
        "/items/0/quantity               |            | items[0].quantity: must not be null",
        "/items/0/dishId                 | `\"\"`     | items[0].dishId: must not be blank",
        "/items/0/expectedUnitPriceCents | -1         | items[0].expectedUnitPriceCents: must be"
            + " greater than or equal to 0",
        "/items/0                        | null       | items[0]: must not be null",
        "/items                          | []         | items: must not be empty",
        "/items                          |            | items: must not be empty",
        "/customerId                     | `\"  \"`   | customerId: must not be blank",
      })
  void placeOrder_invalidField_returns400NamingIt(String pointer, String rawValue, String detail)
      throws Exception {
    mvc.perform(placeOrder(with(misoSoupJson(), pointer, rawValue)))
        .andExpect(problem(400, "validation", detail));
    verifyNoInteractions(orders);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "/items/0/quantity   | `\"two\"` | items[0].quantity: 'two' is not a whole number",
        "/items/0/quantity   | 1.5       | items[0].quantity: '1.5' is not a whole number",
        "/items/0/quantity   | true      | items[0].quantity: expected a whole number",
        "/items              | `{}`      | items: expected a JSON array",
        "/customerId         | `[]`      | customerId: expected a string",
      })
  void placeOrder_wrongJsonType_returns400NamingTheField(
      String pointer, String rawValue, String detail) throws Exception {
    mvc.perform(placeOrder(with(misoSoupJson(), pointer, rawValue)))
        .andExpect(problem(400, "malformed-request", detail));
    verifyNoInteractions(orders);
  }

  @Test
  void placeOrder_malformedJson_returns400WithTheLocation() throws Exception {
    mvc.perform(placeOrder("{\"customerId\":c-1,\"items\":[]}"))
        .andExpect(
            problem(
                400,
                "malformed-request",
                "malformed JSON at line 1, column 17: Unrecognized token 'c'"));
    verifyNoInteractions(orders);
  }

  @Test
  void placeOrder_truncatedJson_returns400SayingTheBodyEndsEarly() throws Exception {
    mvc.perform(placeOrder("{\"customerId\":\"c-1\",\"items\":["))
        .andExpect(problem(400, "malformed-request"))
        .andExpect(jsonPath("$.detail").value(startsWith("malformed JSON at line 1, column ")))
        .andExpect(
            jsonPath("$.detail")
                .value(endsWith(": the body ends before the JSON value is complete")));
    verifyNoInteractions(orders);
  }

  @Test
  void placeOrder_noBody_returns400() throws Exception {
    mvc.perform(placeOrder(""))
        .andExpect(
            problem(400, "malformed-request", "the request body is missing or is not valid JSON"));
    verifyNoInteractions(orders);
  }

  // ---- reading and cancelling -------------------------------------------------------------------

  @Test
  void getOrder_returnsTheOrder() throws Exception {
    when(orders.get(ORDER_ID)).thenReturn(misoSoupOrder());

    mvc.perform(get("/api/orders/" + ORDER_ID))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(ORDER_ID))
        .andExpect(jsonPath("$.items[0].lineTotalCents").value(900));
  }

  @Test
  void getOrder_unknownId_returns404() throws Exception {
    when(orders.get("no-such-order")).thenThrow(new OrderNotFoundProblem("no-such-order"));

    mvc.perform(get("/api/orders/no-such-order"))
        .andExpect(problem(404, "order-not-found", "order 'no-such-order' does not exist"))
        .andExpect(jsonPath("$.orderId").value("no-such-order"));
  }

  @Test
  void listOrders_returnsTheCustomersOrdersUnderTheirId() throws Exception {
    when(orders.byCustomer("c-42")).thenReturn(List.of(misoSoupOrder()));

    mvc.perform(get("/api/orders?customerId=c-42"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customerId").value("c-42"))
        .andExpect(jsonPath("$.orders[0].id").value(ORDER_ID));
  }

  @Test
  void listOrders_anotherCustomerId_is403_unlessOrdersAdmin() throws Exception {
    mvc.perform(get("/api/orders").param("customerId", " "))
        .andExpect(problem(403, "customer-mismatch"));
    mvc.perform(get("/api/orders").param("customerId", "c-7"))
        .andExpect(problem(403, "customer-mismatch"));
    verifyNoInteractions(orders);
    when(orders.byCustomer("c-7")).thenReturn(List.of());
    mvc.perform(
            get("/api/orders")
                .param("customerId", "c-7")
                .with(SliceTokens.as("support", "orders:admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customerId").value("c-7"));
  }

  @Test
  void listOrders_withoutCustomerId_listsTheTokensCustomers() throws Exception {
    when(orders.byCustomer("c-42")).thenReturn(List.of(misoSoupOrder()));

    mvc.perform(get("/api/orders"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customerId").value("c-42"))
        .andExpect(jsonPath("$.orders[0].id").value(ORDER_ID));
  }

  @Test
  void cancel_returnsTheCancelledOrder() throws Exception {
    Order cancelled =
        new Order(
            ORDER_ID,
            "c-42",
            misoSoupOrder().items(),
            900,
            "EUR",
            OrderStatus.CANCELLED,
            PLACED_AT,
            PLACED_AT.plusSeconds(60));
    when(orders.get(ORDER_ID)).thenReturn(misoSoupOrder());
    when(orders.cancel(ORDER_ID)).thenReturn(cancelled);

    mvc.perform(post("/api/orders/" + ORDER_ID + "/cancel"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"))
        .andExpect(jsonPath("$.cancelledAt").value("2025-05-01T08:31:00.123Z"));
    verify(orders).cancel(ORDER_ID);
  }

  @Test
  void cancel_unknownOrder_returns404() throws Exception {
    when(orders.get("no-such-order")).thenThrow(new OrderNotFoundProblem("no-such-order"));

    mvc.perform(post("/api/orders/no-such-order/cancel"))
        .andExpect(problem(404, "order-not-found", "order 'no-such-order' does not exist"));
  }

  @Test
  void deleteOrder_isNotAllowed_returns405() throws Exception {
    mvc.perform(delete("/api/orders/" + ORDER_ID))
        .andExpect(problem(405, "http-error", "Method 'DELETE' is not supported."))
        .andExpect(header().string(HttpHeaders.ALLOW, startsWith("GET")));
    verifyNoInteractions(orders);
  }
}

package io.cachepair.order.menuview;

import static io.cachepair.testsupport.problem.ProblemMatchers.problem;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cachepair.contract.dish.Dish;
import io.cachepair.member.MemberWebConfiguration;
import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.cache.ReplicaUnavailableException;
import io.cachepair.order.readiness.CompleteReplica;
import io.cachepair.testsupport.security.SliceTokens;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The HTTP contract of {@code /api/menu} with the local replica ({@link LocalDishes}) as a mock:
 * paging and its bounds, the version ETag, 404 for a dish the replica does not hold and 503 with
 * Retry-After while the replica is not open.
 */
@WebMvcTest(MenuController.class)
@Import(MemberWebConfiguration.class)
class MenuControllerTest {

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

  @Autowired MockMvc mvc;
  @MockitoBean LocalDishes dishes;
  @MockitoBean CompleteReplica replica;

  private static Dish misoSoup() {
    return Dish.builder("miso-soup")
        .name("Miso Soup")
        .description("Dashi and tofu")
        .category("soup")
        .priceCents(450)
        .currency("EUR")
        .version(3)
        .updatedAt(Instant.parse("2025-05-01T08:00:00Z"))
        .origin("menu-test")
        .build();
  }

  @Test
  void theMenu_isOpen_withoutAToken() throws Exception {
    when(dishes.page(0, 20)).thenReturn(List.of(misoSoup()));
    when(dishes.count()).thenReturn(1);

    mvc.perform(get("/api/menu").with(anonymous())).andExpect(status().isOk());
  }

  @Test
  void page_withoutParameters_returnsTheFirst20DishesOfTheReplicaWithTheTotal() throws Exception {
    when(dishes.page(0, 20)).thenReturn(List.of(misoSoup()));
    when(dishes.count()).thenReturn(5);

    mvc.perform(get("/api/menu"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.total").value(5))
        .andExpect(jsonPath("$.dishes[0].id").value("miso-soup"))
        .andExpect(jsonPath("$.dishes[0].priceCents").value(450))
        .andExpect(jsonPath("$.dishes[0].version").value(3));
  }

  @Test
  void page_largestPage_isAskedOfTheReplicaAsGiven() throws Exception {
    when(dishes.count()).thenReturn(5);

    mvc.perform(get("/api/menu?page=1&size=500"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(500))
        .andExpect(jsonPath("$.dishes").isEmpty());
    verify(dishes).page(1, 500);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("io.cachepair.testsupport.http.PagingBounds#OUT_OF_BOUNDS")
  void page_parameterOutOfBoundsOrNotAWholeNumber_returns400NamingIt(String query, String detail)
      throws Exception {
    mvc.perform(get("/api/menu?" + query)).andExpect(problem(400, "validation", detail));
    verifyNoInteractions(dishes);
  }

  @Test
  void page_replicaNotOpen_returns503WithRetryAfter() throws Exception {
    when(dishes.page(0, 20)).thenThrow(new ReplicaUnavailableException(CacheState.JOINING));

    mvc.perform(get("/api/menu"))
        .andExpect(
            problem(
                503,
                "replica-unavailable",
                "the local replica of the dishes is not available yet (JOINING)"))
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"));
  }

  @Test
  void dish_returnsTheCustomerFacingFieldsWithTheVersionAsEtag() throws Exception {
    when(dishes.find("miso-soup")).thenReturn(Optional.of(misoSoup()));

    mvc.perform(get("/api/menu/miso-soup"))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
        .andExpect(jsonPath("$.id").value("miso-soup"))
        .andExpect(jsonPath("$.name").value("Miso Soup"))
        .andExpect(jsonPath("$.description").value("Dashi and tofu"))
        .andExpect(jsonPath("$.category").value("soup"))
        .andExpect(jsonPath("$.priceCents").value(450))
        .andExpect(jsonPath("$.currency").value("EUR"))
        .andExpect(jsonPath("$.available").value(true))
        .andExpect(jsonPath("$.updatedAt").value("2025-05-01T08:00:00Z"))
        .andExpect(jsonPath("$.origin").doesNotExist())
        .andExpect(jsonPath("$.deleted").doesNotExist());
  }

  @Test
  void dish_ifNoneMatchTheCurrentVersion_returns304() throws Exception {
    when(dishes.find("miso-soup")).thenReturn(Optional.of(misoSoup()));

    mvc.perform(get("/api/menu/miso-soup").header(HttpHeaders.IF_NONE_MATCH, "\"3\""))
        .andExpect(status().isNotModified())
        .andExpect(content().string(""));
  }

  @Test
  void dish_notInTheReplica_returns404() throws Exception {
    when(dishes.find("unicorn-steak")).thenReturn(Optional.empty());

    mvc.perform(get("/api/menu/unicorn-steak"))
        .andExpect(problem(404, "dish-not-found", "dish 'unicorn-steak' is not on the menu"))
        .andExpect(jsonPath("$.dishId").value("unicorn-steak"));
  }

  @Test
  void dish_replicaNotOpen_returns503WithRetryAfter() throws Exception {
    when(dishes.find("miso-soup"))
        .thenThrow(new ReplicaUnavailableException(CacheState.SYNCHRONIZING));

    mvc.perform(get("/api/menu/miso-soup"))
        .andExpect(
            problem(
                503,
                "replica-unavailable",
                "the local replica of the dishes is not available yet (SYNCHRONIZING)"))
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"));
  }
}

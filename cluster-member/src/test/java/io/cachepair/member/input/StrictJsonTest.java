package io.cachepair.member.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The services' one JSON configuration: every silent coercion Jackson would do by default is a
 * refusal, and the stream limits hold.
 */
class StrictJsonTest {

  record Item(
      String name, Long priceCents, Integer quantity, Boolean available, List<String> tags) {}

  private static final ObjectMapper JSON = strict();

  private static ObjectMapper strict() {
    Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
    new StrictJsonConfiguration()
        .strictJson(new InputProperties(null, null, null, null, null))
        .customize(builder);
    return builder.build();
  }

  @Test
  void aCleanBody_reads() throws Exception {
    Item item =
        JSON.readValue(
            "{\"name\":\"Ramen\\nbowl\",\"priceCents\":1250,\"quantity\":2,\"available\":true,"
                + "\"tags\":[\"hot\"]}",
            Item.class);
    assertThat(item).isEqualTo(new Item("Ramen\nbowl", 1250L, 2, true, List.of("hot")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"priceCents\":12.99}",
        "{\"priceCents\":1e2}",
        "{\"quantity\":1.0}",
        "{\"priceCents\":\"100\"}",
        "{\"priceCents\":\"\"}",
        "{\"quantity\":true}",
        "{\"available\":\"true\"}",
        "{\"available\":1}",
        "{\"name\":123}",
        "{\"name\":12.5}",
        "{\"name\":false}",
        "{\"tags\":\"hot\"}",
        "{\"tags\":[1]}",
        "{\"priceCent\":100}",
        "{\"name\":\"a\",\"name\":\"b\"}",
        "{\"name\":\"a\"} {}",
        "{\"quantity\":2147483648}",
        "{\"priceCents\":99999999999999999999}",
        "{\"priceCents\":1e400}",
        "{\"name\":\"nul\\u0000\"}",
        "{\"name\":\"esc\\u001b[31m\"}",
        "{\"name\":\"del\\u007f\"}",
        "{\"name\":\"c1\\u0085\"}",
        "{\"name\":\"rlo\\u202eevil\"}",
        "{\"name\":\"isolate\\u2066x\"}",
        "{\"name\":\"mark\\u200fx\"}",
        "{\"tags\":[\"bidi\\u202d\"]}"
      })
  void everyCoercionAndForbiddenCharacter_isRefused(String body) {
    assertThatThrownBy(() -> JSON.readValue(body, Item.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void streamLimits_nestingAndNumberLength_areBounded() {
    String deep = "[".repeat(40) + "]".repeat(40);
    assertThatThrownBy(() -> JSON.readTree(deep)).isInstanceOf(JsonProcessingException.class);
    String longNumber = "{\"priceCents\":" + "1".repeat(41) + "}";
    assertThatThrownBy(() -> JSON.readValue(longNumber, Item.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aMapWithoutADeclaringProperty_takesScalarsAsText_stillWithoutForbiddenCharacters()
      throws Exception {
    // how the actuator reads an operation's body, e.g. the operator's {"seconds": 60}
    var type =
        JSON.getTypeFactory().constructMapType(java.util.Map.class, String.class, String.class);
    java.util.Map<String, String> body = JSON.readValue("{\"reason\":\"x\",\"seconds\":60}", type);
    assertThat(body).containsEntry("seconds", "60");
    assertThatThrownBy(() -> JSON.readValue("{\"reason\":\"a\\u0000\"}", type))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void forbiddenCharacters_areNamedWithTheirCodePoint() {
    assertThatThrownBy(() -> JSON.readValue("{\"name\":\"a\\u202eb\"}", Item.class))
        .hasMessageContaining("U+202E at index 1");
  }
}

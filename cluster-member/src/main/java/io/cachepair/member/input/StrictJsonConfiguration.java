package io.cachepair.member.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Strict input for both services, in one place: nothing a client sends is coerced silently. Unknown
 * properties, fractional numbers for whole-number fields, numbers or booleans where text is
 * expected (and the reverse), duplicate keys, trailing tokens, nulls for primitives, control and
 * bidirectional-override characters are all 400s; nesting, number and string lengths are bounded
 * (Jackson's stream limits); bodies over the documented size are 413s ({@link
 * BodySizeLimitFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputProperties.class)
public class StrictJsonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson(InputProperties limits) {
    return builder ->
        builder
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .featuresToDisable(
                DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .modulesToInstall(
                new SimpleModule("cachepair-strict-text")
                    .addDeserializer(String.class, new StrictStringDeserializer()))
            .postConfigurer(mapper -> configure(mapper, limits));
  }

  /** Applies the coercion rules and stream limits to a mapper (also used by tests). */
  public static ObjectMapper configure(ObjectMapper mapper, InputProperties limits) {
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxNumberLength(limits.maxNumberLength())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(1000)
                .build());
    for (LogicalType type :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper
        .coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail);
    return mapper;
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
      InputProperties limits, ObjectMapper json) {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(new BodySizeLimitFilter(limits, json));
    // before Spring Security and everything else: a huge body is refused before it is read
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * Text without control or bidi-override characters; for a field of a request type only from a
   * JSON string (a number or boolean there is a 400). Values of a map without a declaring property
   * (the actuator reads operation bodies as {@code Map<String, String>}) take scalars as their
   * text, since that is how the actuator binds {@code "seconds": 60}.
   */
  static final class StrictStringDeserializer extends StdScalarDeserializer<String>
      implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;

    private final boolean scalarsAsText;

    StrictStringDeserializer() {
      this(false);
    }

    private StrictStringDeserializer(boolean scalarsAsText) {
      super(String.class);
      this.scalarsAsText = scalarsAsText;
    }

    @Override
    public JsonDeserializer<?> createContextual(
        DeserializationContext context, BeanProperty property) {
      return property == null ? new StrictStringDeserializer(true) : this;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
      if (scalarsAsText && p.currentToken() != null && p.currentToken().isScalarValue()) {
        return checked(p, context, p.getText());
      }
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (String) context.handleUnexpectedToken(String.class, p);
      }
      return checked(p, context, p.getText());
    }

    private static String checked(JsonParser p, DeserializationContext context, String value)
        throws IOException {
      int bad = StrictText.firstForbidden(value);
      if (bad >= 0) {
        throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(
            p,
            "contains the control or bidirectional-override character "
                + StrictText.describe(value.charAt(bad))
                + " at index "
                + bad,
            value,
            String.class);
      }
      return value;
    }
  }
}

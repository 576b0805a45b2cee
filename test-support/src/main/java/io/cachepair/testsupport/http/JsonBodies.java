package io.cachepair.testsupport.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Variations of a valid request body, so that a test of one bad field starts from the module's one
 * fixture of that body instead of a copy of it: {@code with(order(), "/items/0/quantity", "1.5")}.
 */
public final class JsonBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBodies() {}

  /**
   * Returns the body with one member set to a raw JSON value, or removed.
   *
   * @param body a JSON object
   * @param pointer where, e.g. {@code /priceCents} or {@code /items/0/quantity}; the parent must
   *     exist
   * @param rawValue the new value as JSON text ({@code "\"text\""}, {@code 1.5}, {@code {}}), or
   *     null to remove the member
   * @return the changed body
   * @throws IllegalArgumentException when the body is not JSON or the parent does not exist
   */
  public static String with(String body, String pointer, String rawValue) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonPointer at = JsonPointer.compile(pointer);
      JsonNode parent = root.at(at.head());
      String last = at.last().getMatchingProperty();
      if (parent instanceof ObjectNode object) {
        if (rawValue == null) {
          object.remove(last);
        } else {
          object.set(last, JSON.readTree(rawValue));
        }
      } else if (parent instanceof ArrayNode array) {
        int index = at.last().getMatchingIndex();
        if (rawValue == null) {
          array.remove(index);
        } else {
          array.set(index, JSON.readTree(rawValue));
        }
      } else {
        throw new IllegalArgumentException("no object or array at " + at.head() + " in " + body);
      }
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + body + " / " + rawValue, e);
    }
  }
}

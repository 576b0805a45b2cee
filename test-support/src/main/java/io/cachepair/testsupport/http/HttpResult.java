package io.cachepair.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/**
 * One HTTP answer of a service: status, parsed JSON body (or null) and headers.
 *
 * @param status the HTTP status code
 * @param json the body parsed as JSON, or {@code null} when it was empty or not JSON
 * @param body the raw body
 * @param headers the response headers
 */
public record HttpResult(int status, JsonNode json, String body, HttpHeaders headers) {

  /** Whether the status is 2xx. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }
}

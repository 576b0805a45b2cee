package io.cachepair.archfixture;

import org.springframework.web.client.RestClient;

/** What order-service must never contain: a client that asks menu-service for a dish. */
public class CallsMenuWithRestClient {

  String dish(String id) {
    return RestClient.create("http://localhost:8081")
        .get()
        .uri("/api/dishes/" + id)
        .retrieve()
        .body(String.class);
  }
}

package io.cachepair.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /metrics} serves the Prometheus text next to the probes. */
class HealthEndpointsTest {

  @Test
  void metrics_servesThePrometheusScrape() throws Exception {
    try (HealthEndpoints endpoints =
        HealthEndpoints.start(0, null, () -> "cachepair_operator_decisions_total 3.0\n")) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + endpoints.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
      assertThat(response.body()).contains("cachepair_operator_decisions_total 3.0");
    }
  }
}

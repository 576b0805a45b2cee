package io.cachepair.operator.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.testing.Pairs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpClusterSafetyProbeTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void check_memberReportsNodeSafe_isSafeWithContractVersions() throws IOException {
    serve(
        200,
        "{\"statusHA\":\"NODE_SAFE\",\"contractVersion\":2,"
            + "\"members\":[{\"id\":1,\"role\":\"menu\",\"contractVersion\":2},"
            + "{\"id\":2,\"role\":\"order\",\"contractVersion\":1}]}");

    SafetyVerdict verdict = probe().check(Pairs.minimal("food"));

    assertThat(verdict.safe()).isTrue();
    assertThat(verdict.statusHA()).isEqualTo("NODE_SAFE");
    assertThat(verdict.memberContractVersions()).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void check_memberReportsEndangered_isUnsafeWithStatusInDetail() throws IOException {
    serve(200, "{\"statusHA\":\"ENDANGERED\",\"members\":[]}");

    SafetyVerdict verdict = probe().check(Pairs.minimal("food"));

    assertThat(verdict.safe()).isFalse();
    assertThat(verdict.detail()).contains("ENDANGERED");
  }

  @Test
  void check_dishServiceNotRunning_isUnsafe() throws IOException {
    serve(200, "{\"statusHA\":null,\"members\":[]}");

    assertThat(probe().check(Pairs.minimal("food")).safe()).isFalse();
  }

  @Test
  void check_noMemberAnswers_isUnsafeAndSaysSo() throws IOException {
    serve(503, "{}");

    SafetyVerdict verdict = probe().check(Pairs.minimal("food"));

    assertThat(verdict.safe()).isFalse();
    assertThat(verdict.detail()).contains("no member answered").contains("503");
  }

  @Test
  void contractOf_memberAndItsRoleReportTheVersion_hasNoMismatch() throws IOException {
    serve(
        200,
        "{\"statusHA\":\"NODE_SAFE\",\"contractVersion\":2,"
            + "\"members\":[{\"id\":1,\"role\":\"menu\",\"contractVersion\":1},"
            + "{\"id\":2,\"role\":\"order\",\"contractVersion\":2}]}");

    ContractReport report = probe().contractOf(Pairs.minimal("food"), ServiceRole.ORDER);

    assertThat(report.answered()).isTrue();
    assertThat(report.answeringVersion()).isEqualTo(2);
    assertThat(report.mismatchWith(2)).isEmpty();
  }

  @Test
  void contractOf_aMemberOfTheRoleReportsAnotherVersion_isAMismatchNamingIt() throws IOException {
    serve(
        200,
        "{\"contractVersion\":2,"
            + "\"members\":[{\"id\":2,\"role\":\"order\",\"contractVersion\":2},"
            + "{\"id\":3,\"role\":\"order\",\"contractVersion\":1},"
            + "{\"id\":4,\"role\":\"order\",\"contractVersion\":null}]}");

    ContractReport report = probe().contractOf(Pairs.minimal("food"), ServiceRole.ORDER);

    assertThat(report.mismatchWith(2))
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .contains("order-service pods do not speak contract 2")
                    .contains("member 3 reports 1")
                    .contains("member 4 reports no contract")
                    .doesNotContain("member 2"));
  }

  @Test
  void contractOf_answeringMemberReportsOldVersion_isAMismatch() throws IOException {
    serve(200, "{\"contractVersion\":1,\"members\":[]}");

    ContractReport report = probe().contractOf(Pairs.minimal("food"), ServiceRole.MENU);

    assertThat(report.mismatchWith(2))
        .hasValueSatisfying(m -> assertThat(m).contains("answering member reports 1"));
  }

  @Test
  void contractOf_noMemberAnswers_isUnknownNotAMismatch() throws IOException {
    serve(503, "{}");

    ContractReport report = probe().contractOf(Pairs.minimal("food"), ServiceRole.MENU);

    assertThat(report.answered()).isFalse();
    assertThat(report.detail()).contains("503");
  }

  private HttpClusterSafetyProbe probe() {
    int port = server.getAddress().getPort();
    return new HttpClusterSafetyProbe(
        Duration.ofSeconds(2),
        (pair, role) -> URI.create("http://127.0.0.1:" + port + "/api/cluster"));
  }

  private void serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/cluster",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }
}

package io.cachepair.operator.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The probe against a small HTTP server on 127.0.0.1 that serves the services' contract: {@code GET
 * /actuator/cachepair} (decisions.md's JSON, no digest) and {@code POST/DELETE
 * /actuator/writepause}.
 */
class HttpMemberProbeTest {

  static final String REPORT =
      """
      {"cluster":"food","role":"menu","state":"READY","localMemberId":1,"contractVersion":2,
       "members":[{"id":1,"role":"menu","contractVersion":2,"oldestReadable":1,
                   "address":"10.0.0.7:7575","local":true},
                  {"id":2,"role":"order","contractVersion":2,"oldestReadable":1,
                   "address":"10.0.0.8:7575","local":false}],
       "storageMembers":2,"statusHA":"NODE_SAFE","safeSinceJoin":true,
       "view":{"count":1200,"complete":true},
       "lastPreload":{"loadedAt":"2026-12-01T10:00:00Z","count":1200,"contractVersion":2,
                      "origin":"menu-a"},
       "partitionLosses":{"count":0},"writePause":null}
      """;

  private final MemberPod pod = new MemberPod("food-menu-1", "127.0.0.1", ServiceRole.MENU, true);
  private final List<String> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void read_servicesContract_parsesMembershipStatusViewAndContract() throws IOException {
    serve("/actuator/cachepair", 200, REPORT);

    MemberReading reading = probe().read(List.of(pod)).get(0);

    assertThat(reading.answered()).isTrue();
    MemberReport report = reading.report();
    assertThat(report.safe()).isTrue();
    assertThat(report.contractVersion()).isEqualTo(2);
    assertThat(report.membersWithRole("menu")).isEqualTo(1);
    assertThat(report.membersWithRole("order")).isEqualTo(1);
    assertThat(report.viewComplete()).isTrue();
    assertThat(report.viewCount()).isEqualTo(1200);
    assertThat(report.writePaused()).isFalse();
    assertThat(received).containsExactly("GET /actuator/cachepair");
  }

  @Test
  void read_endangeredAndIncompleteView_areReportedAsSuch() throws IOException {
    serve(
        "/actuator/cachepair",
        200,
        REPORT
            .replace("NODE_SAFE", "ENDANGERED")
            .replace("\"complete\":true", "\"complete\":false")
            .replace(
                "\"writePause\":null",
                "\"writePause\":{\"reason\":\"r\",\"requestedBy\":\"op\",\"until\":1}"));

    MemberReport report = probe().read(List.of(pod)).get(0).report();

    assertThat(report.safe()).isFalse();
    assertThat(report.statusHA()).isEqualTo("ENDANGERED");
    assertThat(report.viewComplete()).isFalse();
    assertThat(report.writePaused()).isTrue();
  }

  @Test
  void read_503OrGarbageOrNoIp_isAFailedReadingWithTheReason() throws IOException {
    serve("/actuator/cachepair", 503, "{}");
    MemberPod noIp = new MemberPod("food-menu-2", null, ServiceRole.MENU, false);

    List<MemberReading> readings = probe().read(List.of(pod, noIp));

    assertThat(readings.get(0).answered()).isFalse();
    assertThat(readings.get(0).failure()).contains("503").contains("/actuator/cachepair");
    assertThat(readings.get(1).failure()).isEqualTo("no pod IP yet");
  }

  @Test
  void read_unreadableBody_isAFailedReading() throws IOException {
    serve("/actuator/cachepair", 200, "<html>");

    assertThat(probe().read(List.of(pod)).get(0).failure()).contains("unreadable");
  }

  @Test
  void read_nothingListens_failsWithinTheTimeout() {
    HttpMemberProbe probe =
        new HttpMemberProbe(Duration.ofMillis(500), p -> URI.create("http://127.0.0.1:9"));

    long start = System.nanoTime();
    MemberReading reading = probe.read(List.of(pod)).get(0);

    assertThat(reading.answered()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void pauseAndResume_postReasonAndSeconds_thenDelete() throws IOException {
    serve("/actuator/writepause", 200, "{}");

    WritePauseClient.Outcome paused =
        probe().pause(pod, "rollout of shop/food", Duration.ofSeconds(60));
    WritePauseClient.Outcome resumed = probe().resume(pod);

    assertThat(paused.ok()).isTrue();
    assertThat(resumed.ok()).isTrue();
    assertThat(received)
        .containsExactly(
            "POST /actuator/writepause {\"reason\":\"rollout of shop/food\",\"seconds\":60}",
            "DELETE /actuator/writepause");
  }

  @Test
  void everyCall_sendsTheTokenFromItsFile_readAgainEachTime() throws IOException {
    List<String> authorizations = new ArrayList<>();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    Path tokenFile = Files.createTempFile("operator-token", "");
    Files.writeString(tokenFile, "first.jwt.token\n");
    int port = server.getAddress().getPort();
    HttpMemberProbe probe =
        new HttpMemberProbe(
            Duration.ofSeconds(2),
            p -> URI.create("http://127.0.0.1:" + port),
            () -> HttpMemberProbe.readToken(tokenFile));

    probe.read(List.of(pod));
    Files.writeString(tokenFile, "rotated.jwt.token");
    probe.pause(pod, "r", Duration.ofSeconds(60));
    Files.delete(tokenFile);
    probe.resume(pod);

    assertThat(authorizations)
        .containsExactly("Bearer first.jwt.token", "Bearer rotated.jwt.token", null);
  }

  @Test
  void pause_refused_isNotOkAndSaysWhoAnsweredWhat() throws IOException {
    serve("/actuator/writepause", 503, "{}");

    WritePauseClient.Outcome outcome = probe().pause(pod, "r", Duration.ofSeconds(60));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.detail()).isEqualTo("food-menu-1 answered 503 on POST /actuator/writepause");
  }

  private HttpMemberProbe probe() {
    int port = server.getAddress().getPort();
    return new HttpMemberProbe(Duration.ofSeconds(2), p -> URI.create("http://127.0.0.1:" + port));
  }

  private void serve(String path, int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        path,
        exchange -> {
          String request =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + (request.isEmpty() ? "" : " " + request));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }
}

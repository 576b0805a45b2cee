package io.cachepair.testsupport.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListeningSocketTest {

  @Test
  void parse_ssLines_tcpListenAndUdpBound_withLoopbackTold() {
    String ss =
        "udp   UNCONN 0      0            10.250.0.2:7575       0.0.0.0:*"
            + "    users:((\"java\",pid=42,fd=50))\n"
            + "tcp   LISTEN 0      100                   *:8080             *:*"
            + "    users:((\"java\",pid=42,fd=60))\n"
            + "tcp   LISTEN 0      50     [::ffff:127.0.0.1]:34567            *:*\n"
            + "tcp   LISTEN 0      50    [fe80::1%eth0]:9080            [::]:*\n";

    List<ListeningSocket> sockets = ListeningSocket.parse(ss);

    assertThat(sockets)
        .extracting(ListeningSocket::toString)
        .containsExactly(
            "UDP 10.250.0.2:7575",
            "TCP *:8080",
            "TCP [::ffff:127.0.0.1]:34567",
            "TCP [fe80::1]:9080");
    assertThat(sockets)
        .extracting(ListeningSocket::loopbackOnly)
        .containsExactly(false, false, true, false);
    assertThat(sockets.get(0).process()).contains("pid=42");
  }
}

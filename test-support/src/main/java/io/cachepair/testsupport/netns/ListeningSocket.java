package io.cachepair.testsupport.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One socket a process listens on, as {@code ss -ltnupH} reports it: a TCP socket in LISTEN or a
 * UDP socket that is bound (UNCONN).
 *
 * @param protocol {@code TCP} or {@code UDP}
 * @param address the local address ({@code 0.0.0.0}, {@code *}, {@code ::}, {@code 10.0.0.2}, …)
 * @param port the local port
 * @param process ss's process column ({@code users:(("java",pid=…))}), or empty
 */
public record ListeningSocket(String protocol, String address, int port, String process) {

  /** Whether only this host (this namespace) can reach it. */
  public boolean loopbackOnly() {
    String a = address.toLowerCase(Locale.ROOT);
    return a.startsWith("127.") || a.equals("::1") || a.startsWith("::ffff:127.");
  }

  /** {@code "UDP 10.0.0.2:7575"}. */
  @Override
  public String toString() {
    return protocol + " " + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }

  /** Parses the lines of {@code ss -ltnupH} (no header). */
  public static List<ListeningSocket> parse(String ssOutput) {
    List<ListeningSocket> sockets = new ArrayList<>();
    for (String line : ssOutput.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 5) {
        continue;
      }
      String protocol = f[0].toUpperCase(Locale.ROOT);
      if (!protocol.equals("TCP") && !protocol.equals("UDP")) {
        continue;
      }
      String local = f[4];
      int colon = local.lastIndexOf(':');
      String address = local.substring(0, colon);
      if (address.startsWith("[") && address.endsWith("]")) {
        address = address.substring(1, address.length() - 1);
      }
      int percent = address.indexOf('%');
      if (percent >= 0) {
        address = address.substring(0, percent);
      }
      int port = Integer.parseInt(local.substring(colon + 1));
      String process = f.length > 6 ? f[6] : "";
      sockets.add(new ListeningSocket(protocol, address, port, process));
    }
    return sockets;
  }
}

package io.cachepair.testsupport.netns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Test helper run inside a test host: listens on each {@code address:port} argument, accepts and
 * closes every connection, and says {@code LISTENING} once all are bound.
 */
public final class Listener {

  private Listener() {}

  public static void main(String[] args) throws Exception {
    for (String arg : args) {
      int colon = arg.lastIndexOf(':');
      ServerSocket server = new ServerSocket();
      server.bind(
          new InetSocketAddress(
              InetAddress.getByName(arg.substring(0, colon)),
              Integer.parseInt(arg.substring(colon + 1))));
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  try (Socket s = server.accept()) {
                    s.getOutputStream().write('!');
                  } catch (Exception e) {
                    return;
                  }
                }
              });
      t.start();
    }
    System.out.println("LISTENING");
    System.out.flush();
    Thread.sleep(120_000); // bounded: the test closes the network long before
    System.exit(0);
  }
}

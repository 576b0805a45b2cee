package io.cachepair.testsupport.netns;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code 10.x.y.0/24} that a test network takes for itself: {@code .1} is the test machine's side
 * of the bridge (when it has one), hosts get {@code .10} and up.
 *
 * @param x the second octet
 * @param y the third octet
 */
public record Subnet(int x, int y) {

  private static final Pattern IPV4_24 = Pattern.compile("\\b10\\.(\\d+)\\.(\\d+)\\.\\d+");

  /** The address of {@code host} in this subnet, e.g. {@code 10.123.45.10}. */
  public String address(int host) {
    if (host < 1 || host > 254) {
      throw new IllegalArgumentException("no host " + host + " in a /24");
    }
    return "10." + x + "." + y + "." + host;
  }

  /** The test machine's address on this subnet's bridge ({@code .1}). */
  public String gateway() {
    return address(1);
  }

  /** {@code 10.x.y.0/24}. */
  public String cidr() {
    return "10." + x + "." + y + ".0/24";
  }

  /**
   * Picks a random subnet in {@code 10.100.0.0–10.249.255.0} that none of {@code taken} is in.
   *
   * @param taken what {@code ip -4 -o addr} and {@code ip -4 route} print, or subnets picked
   *     already, as text: every {@code 10.x.y.*} in it counts as taken
   * @return a free subnet
   */
  public static Subnet pickFree(String taken) {
    Set<String> used = new java.util.HashSet<>();
    Matcher m = IPV4_24.matcher(taken);
    while (m.find()) {
      used.add(m.group(1) + "." + m.group(2));
    }
    int candidates = 150 * 256;
    int start = ThreadLocalRandom.current().nextInt(candidates);
    for (int i = 0; i < candidates; i++) {
      int n = (start + i) % candidates;
      Subnet s = new Subnet(100 + n / 256, n % 256);
      if (!used.contains(s.x + "." + s.y)) {
        return s;
      }
    }
    throw new IllegalStateException("no free 10.x.y.0/24 among " + used.size() + " taken");
  }

  @Override
  public String toString() {
    return cidr();
  }
}

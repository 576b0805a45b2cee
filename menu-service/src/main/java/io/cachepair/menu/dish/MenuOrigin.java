package io.cachepair.menu.dish;

import io.cachepair.menu.MenuProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The name of this menu instance, recorded as the origin of every revision it writes (which replica
 * wrote what): {@code cachepair.menu.origin}, else the Coherence member name, else the host name (a
 * pod's name on Kubernetes).
 */
@Component
public class MenuOrigin {

  private final String value;

  /**
   * Resolves the name.
   *
   * @param properties where an explicit origin may be configured
   * @param environment where the Coherence member name may be
   */
  public MenuOrigin(MenuProperties properties, Environment environment) {
    String configured = properties.origin();
    if (configured.isEmpty()) {
      configured = environment.getProperty("coherence.member", "");
    }
    if (configured.isBlank()) {
      configured = hostName();
    }
    this.value = configured.length() > 100 ? configured.substring(0, 100) : configured;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "menu";
    }
  }

  /** The origin of this menu's writes. */
  public String value() {
    return value;
  }
}

package io.cachepair.member.security;

/** The scopes the services check, and the authorities Spring derives from them. */
public final class Scopes {

  /** Every dish write on menu-service. */
  public static final String MENU_WRITE = "menu:write";

  /** Reading any customer's orders. */
  public static final String ORDERS_ADMIN = "orders:admin";

  /** Reading the cluster endpoint and metrics on the management port. */
  public static final String CLUSTER_READ = "cluster:read";

  /** Setting and lifting the write pause on the management port. */
  public static final String CLUSTER_ADMIN = "cluster:admin";

  private Scopes() {}

  /** The Spring authority of a scope ({@code SCOPE_menu:write}). */
  public static String authority(String scope) {
    return "SCOPE_" + scope;
  }
}

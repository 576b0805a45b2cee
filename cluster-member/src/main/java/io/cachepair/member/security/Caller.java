package io.cachepair.member.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who sent the current request, as its verified token says: the subject and the scopes. Read where
 * the subject matters (the writer of a dish revision, the customer of an order).
 */
public final class Caller {

  private Caller() {}

  /** The verified token's subject, empty for an anonymous request. */
  public static Optional<String> subject() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken jwt) {
      return Optional.ofNullable(jwt.getToken().getSubject());
    }
    return Optional.empty();
  }

  /** Whether the verified token carries a scope. */
  public static boolean hasScope(String scope) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      return false;
    }
    String wanted = Scopes.authority(scope);
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (wanted.equals(a.getAuthority())) {
        return true;
      }
    }
    return false;
  }
}

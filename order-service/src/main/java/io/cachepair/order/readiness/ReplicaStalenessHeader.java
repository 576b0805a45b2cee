package io.cachepair.order.readiness;

import io.cachepair.member.health.ReplicaWatch;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells every API client how stale the replica that answered may be: {@value #HEADER} is the
 * seconds this member's view has been cut off from the dish service (0 while it is live), bounded
 * by the view's reconnect interval.
 */
class ReplicaStalenessHeader extends OncePerRequestFilter {

  /** The response header. */
  static final String HEADER = "Cachepair-Replica-Staleness";

  private final ReplicaWatch watch;

  ReplicaStalenessHeader(ReplicaWatch watch) {
    this.watch = watch;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(
        HEADER, String.format(Locale.ROOT, "%.1f", watch.staleness().toMillis() / 1000.0));
    chain.doFilter(request, response);
  }
}

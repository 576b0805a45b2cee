package io.cachepair.testsupport.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Callers for {@code @WebMvcTest} slices, which run with the services' security configuration: a
 * verified token with a subject and scopes, as the resource server would have built it from a real
 * JWT (the real signatures are the {@code *IT}s' business, see {@code TestTokens}).
 */
public final class SliceTokens {

  private SliceTokens() {}

  /**
   * A request from the holder of a token.
   *
   * @param subject the token's {@code sub} (for orders, the customer)
   * @param scopes its scopes, e.g. {@code menu:write}
   * @return the post-processor to pass to {@code .with(...)}
   */
  public static RequestPostProcessor as(String subject, String... scopes) {
    return jwt().jwt(token -> token.subject(subject).claim("scope", String.join(" ", scopes)));
  }
}

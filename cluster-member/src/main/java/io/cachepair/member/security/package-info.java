/**
 * Who may call what: the services are OAuth2 resource servers (JWT bearer tokens, scopes), with 401
 * and 403 as problem+json and keys that survive an identity-provider outage.
 */
package io.cachepair.member.security;

package org.openpleb.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.List;
import java.util.Objects;

/**
 * Leaves out a header whose parameter was {@code null}. A Rest Client sends a {@code null}
 * {@code @HeaderParam} as an empty header, and to the server an empty {@code Authorization} is a
 * credential that does not authenticate (401), an empty {@code Idempotency-Key} a malformed key
 * (400): an anonymous call or a call without a key must send no header at all.
 */
final class OmittedHeaders implements ClientRequestFilter {

  @Override
  public void filter(ClientRequestContext request) {
    request
        .getHeaders()
        .entrySet()
        .removeIf(header -> header.getValue() == null || blank(header.getValue()));
  }

  private static boolean blank(List<Object> values) {
    return values.stream().map(v -> Objects.toString(v, "")).allMatch(String::isEmpty);
  }
}

package org.openpleb.ee.pricing;

import java.net.URI;

/** Builds a feed's request URI from the operator's base URL, with or without a trailing slash. */
final class FeedUrls {

  private FeedUrls() {}

  /** {@code base} joined with {@code pathAndQuery}; a path already in {@code base} is kept. */
  static URI resolve(String base, String pathAndQuery) {
    String trimmed = base.trim();
    return URI.create(
        trimmed.endsWith("/") ? trimmed + pathAndQuery : trimmed + "/" + pathAndQuery);
  }
}

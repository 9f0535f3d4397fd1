package org.openpleb.client.session;

/**
 * The {@code Authorization} header value of a bearer token, as every authenticated operation of the
 * client takes it.
 */
public final class Bearer {

  private Bearer() {}

  /** {@code "Bearer " + token}; {@code null} for a {@code null} token (an anonymous request). */
  public static String of(String token) {
    return token == null ? null : "Bearer " + token;
  }
}

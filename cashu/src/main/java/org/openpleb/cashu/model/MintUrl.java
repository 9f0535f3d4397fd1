package org.openpleb.cashu.model;

import java.util.Locale;
import java.util.Objects;
import org.openpleb.cashu.CashuException;

/**
 * How a mint is named: its URL, compared in the canonical form. The wallet compares a token's mint
 * with its own and the HTTP client calls the mint by it, so the rule lives with the protocol types,
 * not in either of them.
 */
public final class MintUrl {

  private MintUrl() {}

  /**
   * A mint URL in the canonical form the specification asks for: no trailing slash, and scheme and
   * host in lower case, because URLs compare them case-insensitively ({@code HTTP://Mint.example}
   * is {@code http://mint.example}).
   */
  public static String normalize(String url) {
    Objects.requireNonNull(url, "mint url");
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    int schemeEnd = u.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : u.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new CashuException("Mint URL must be http or https");
    }
    int hostStart = schemeEnd + 3;
    int hostEnd = hostStart;
    while (hostEnd < u.length() && "/?#".indexOf(u.charAt(hostEnd)) < 0) {
      hostEnd++;
    }
    String authority = u.substring(hostStart, hostEnd);
    int at = authority.lastIndexOf('@');
    // User information is case-sensitive; only the host (and port) after it is not.
    String host =
        authority.substring(0, at + 1) + authority.substring(at + 1).toLowerCase(Locale.ROOT);
    return scheme + "://" + host + u.substring(hostEnd);
  }
}

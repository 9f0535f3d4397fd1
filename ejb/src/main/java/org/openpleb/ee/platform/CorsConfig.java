package org.openpleb.ee.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which browser origins may call the API from their own pages (CORS). None by default: a browser
 * app on another origin is an operator's decision, named origin by origin, never a wildcard.
 * Validated at startup through {@link SettingsRule}.
 */
@ApplicationScoped
public class CorsConfig implements SettingsRule {

  /** Comma-separated exact origins ({@code https://app.example.com}); empty means no CORS. */
  public static final String ORIGINS = "OPENPLEB_CORS_ORIGINS";

  @Inject
  @ConfigProperty(name = ORIGINS)
  Optional<String> origins;

  /** The origins allowed to call the API from a browser, exactly as browsers send them. */
  public Set<String> origins() {
    return origins.map(CorsConfig::parse).orElse(Set.of());
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.optionalRule(
        ORIGINS,
        raw -> {
          try {
            parse(raw);
            return null;
          } catch (IllegalArgumentException invalid) {
            return invalid.getMessage();
          }
        });
  }

  /**
   * The origins in {@code raw}: each {@code scheme://host[:port]} with an http or https scheme, no
   * path, query, user or trailing slash, and neither {@code *} nor {@code null}.
   *
   * @throws IllegalArgumentException naming what an origin must look like
   */
  public static Set<String> parse(String raw) {
    Set<String> parsed = new LinkedHashSet<>();
    for (String part : raw.split(",")) {
      String origin = part.strip();
      if (!origin.isEmpty()) {
        parsed.add(origin(origin));
      }
    }
    return Set.copyOf(parsed);
  }

  private static String origin(String text) {
    String expectation =
        "a comma-separated list of exact origins such as https://app.example.com (scheme http or"
            + " https, host, optional port; no path, no trailing slash, no wildcard)";
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException(expectation);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean exact =
        (scheme.equals("http") || scheme.equals("https"))
            && uri.getHost() != null
            && uri.getRawUserInfo() == null
            && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null;
    if (!exact) {
      throw new IllegalArgumentException(expectation);
    }
    // Browsers send the origin in lower case with the default port left out.
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }
}

package org.openpleb.ee.web.lifecycle;

import java.util.Optional;

/**
 * The line the application logs once it is ready, with the URL to open.
 *
 * @param address the address the HTTP listener binds ({@code OPENPLEB_HTTP_ADDRESS}); all
 *     interfaces when blank, {@code 0.0.0.0} or {@code ::}
 * @param port the HTTP port, when the launcher told it ({@code openpleb.http.port})
 */
public record ReadyLine(String address, Optional<String> port) {

  /** The start of the line; {@code bin/check-boot} looks for it. */
  public static final String PREFIX = "OpenPleb EE ready";

  private static final String PATHS =
      "(API /api, health /health, metrics /metrics, contract /openapi)";

  /** The text of the line. */
  public String text() {
    boolean everywhere =
        address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::");
    if (port.isEmpty()) {
      return PREFIX + " on Payara Micro's HTTP port " + PATHS;
    }
    String host = everywhere ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
    return PREFIX
        + " at http://"
        + host
        + ":"
        + port.get()
        + "/ "
        + PATHS
        + (everywhere ? ", listening on all interfaces" : "");
  }
}

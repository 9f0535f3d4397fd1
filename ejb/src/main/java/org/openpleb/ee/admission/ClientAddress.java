package org.openpleb.ee.admission;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The network address a request came from, as far as the server can trust it. Per-address limits
 * count by {@link #limitKey()}: an IPv4 address on its own, an IPv6 address by its /64 network,
 * since one host commonly owns a whole /64 and could otherwise rotate through it for free.
 *
 * @param address the parsed address (never resolved through DNS)
 */
public record ClientAddress(InetAddress address) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /** The key every address that cannot be parsed is counted under, so it gains nothing. */
  public static final String UNKNOWN_KEY = "unknown";

  public ClientAddress {
    Objects.requireNonNull(address, "address");
  }

  /**
   * Parses an IP literal (IPv4 dotted quad, IPv6 with or without brackets, an IPv6 zone dropped).
   * Anything else, host names included, is empty: this never asks DNS.
   */
  public static Optional<ClientAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String literal = text.trim();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    boolean v4 = IPV4.matcher(literal).matches();
    boolean v6 = !v4 && literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    if (v4) {
      for (String part : literal.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return Optional.empty();
        }
      }
    }
    try {
      // Only literals reach this line, so getByName parses and never looks anything up.
      return Optional.of(new ClientAddress(InetAddress.getByName(literal)));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The key per-address limits count under: the IPv4 address, or the IPv6 address's /64. */
  public String limitKey() {
    if (address instanceof Inet6Address) {
      byte[] bytes = address.getAddress();
      StringBuilder key = new StringBuilder("v6:");
      for (int i = 0; i < 8; i++) {
        key.append(String.format("%02x", bytes[i] & 0xff));
      }
      return key.append("/64").toString();
    }
    return address instanceof Inet4Address ? address.getHostAddress() : UNKNOWN_KEY;
  }

  /** The address in its usual text form. */
  public String text() {
    return address.getHostAddress();
  }

  @Override
  public String toString() {
    return text();
  }
}

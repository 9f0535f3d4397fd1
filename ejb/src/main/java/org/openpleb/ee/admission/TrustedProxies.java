package org.openpleb.ee.admission;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proxies whose {@code X-Forwarded-For} the server believes, as a list of networks in CIDR
 * notation ({@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code fd00::/8}). The client is the right-most
 * address of the chain (connection peer, then the header's entries from right to left) that is not
 * a trusted proxy: entries a client wrote itself sit further left and are never reached, so a
 * forged header changes nothing. With no trusted proxies the peer is the client.
 */
public final class TrustedProxies {

  /**
   * How many {@code X-Forwarded-For} entries are looked at, at most (the header is the client's).
   */
  static final int MAX_HOPS = 16;

  private final List<Network> networks;

  private TrustedProxies(List<Network> networks) {
    this.networks = List.copyOf(networks);
  }

  /** No proxy is trusted: every request's client is its connection peer. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * Parses a comma-separated list of addresses and CIDR networks; blank means none.
   *
   * @throws IllegalArgumentException naming the entry that is not an address or network
   */
  public static TrustedProxies parse(String list) {
    List<Network> networks = new ArrayList<>();
    if (list != null) {
      for (String entry : list.split(",")) {
        if (!entry.isBlank()) {
          networks.add(Network.parse(entry.trim()));
        }
      }
    }
    return new TrustedProxies(networks);
  }

  /** Whether {@code address} is one of the trusted proxies. */
  public boolean trusts(ClientAddress address) {
    for (Network network : networks) {
      if (network.contains(address.address())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client of a request.
   *
   * @param peer the connection's remote address
   * @param forwardedFor every {@code X-Forwarded-For} header value, in the order received
   * @return the client address, empty only when the peer itself cannot be parsed
   */
  public Optional<ClientAddress> client(String peer, List<String> forwardedFor) {
    Optional<ClientAddress> current = ClientAddress.parse(peer);
    if (current.isEmpty() || networks.isEmpty() || forwardedFor == null) {
      return current;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      if (header != null) {
        for (String hop : header.split(",", -1)) {
          hops.add(hop);
        }
      }
    }
    int looked = 0;
    for (int i = hops.size() - 1; i >= 0 && looked < MAX_HOPS; i--, looked++) {
      if (!trusts(current.get())) {
        return current;
      }
      Optional<ClientAddress> previous = ClientAddress.parse(hops.get(i));
      if (previous.isEmpty()) {
        // A trusted proxy passed on garbage: the proxy is the last address we can vouch for.
        return current;
      }
      current = previous;
    }
    return current;
  }

  /** One trusted network: an address and how many leading bits must match. */
  private record Network(byte[] prefix, int bits) {

    static Network parse(String text) {
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      InetAddress address =
          ClientAddress.parse(host)
              .map(ClientAddress::address)
              .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
      int max = address.getAddress().length * 8;
      int bits;
      try {
        bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a prefix length: " + text, e);
      }
      if (bits < 0 || bits > max) {
        throw new IllegalArgumentException("prefix length out of range: " + text);
      }
      return new Network(address.getAddress(), bits);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (candidate[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (candidate[full] & mask) == (prefix[full] & mask);
    }
  }
}

package org.openpleb.ee.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Admission settings for IT deployments: the ITs log in many sessions from 127.0.0.1 in seconds,
 * which the production rate limits and the proof of work at WARNING and CRITICAL are there to stop.
 * Deployment helpers put these lines first, so an IT's own settings still override them; the flood
 * test sets its own limits.
 */
public final class ItAdmission {

  /** Limits no IT reaches by accident; no proof of work below EMERGENCY. */
  public static final String RELAXED =
      "RATE_LIMIT_CHALLENGE_BURST=100000\nRATE_LIMIT_CHALLENGE_PER_MINUTE=1000000\n"
          + "RATE_LIMIT_LOGIN_BURST=100000\nRATE_LIMIT_LOGIN_PER_MINUTE=1000000\n"
          + "RATE_LIMIT_OFFER_BURST=100000\nRATE_LIMIT_OFFER_PER_MINUTE=1000000\n"
          + "RATE_LIMIT_DEPOSIT_BURST=100000\nRATE_LIMIT_DEPOSIT_PER_MINUTE=1000000\n"
          + "RATE_LIMIT_ADMIN_LOGIN_BURST=100000\nRATE_LIMIT_ADMIN_LOGIN_PER_MINUTE=1000000\n"
          + "SESSION_POW_BITS_WARNING=0\nSESSION_POW_BITS_CRITICAL=0\n";

  private ItAdmission() {}

  /**
   * Every address of this machine, as a trusted-proxy list: the test client runs here, and
   * Arquillian may reach the server through a non-loopback interface, which is then the
   * connection's peer. With it, {@code X-Forwarded-For} plays distinct client addresses.
   */
  public static String localAddresses() {
    try {
      List<String> addresses = new ArrayList<>(List.of("127.0.0.1", "::1"));
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          String text = address.getHostAddress();
          int zone = text.indexOf('%');
          addresses.add(zone < 0 ? text : text.substring(0, zone));
        }
      }
      return String.join(",", addresses);
    } catch (SocketException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.openpleb.ee.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private static String client(TrustedProxies proxies, String peer, String... forwardedFor) {
    return proxies.client(peer, List.of(forwardedFor)).map(ClientAddress::text).orElse("none");
  }

  @Test
  void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
    assertEquals("203.0.113.7", client(TrustedProxies.none(), "203.0.113.7", "198.51.100.1"));
  }

  @Test
  void aTrustedProxyNamesTheClient() {
    TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8");
    assertEquals("198.51.100.1", client(proxies, "127.0.0.1", "198.51.100.1"));
    assertEquals("198.51.100.1", client(proxies, "10.1.2.3", "198.51.100.1, 10.9.9.9"));
  }

  @Test
  void entriesTheClientForgedAreNeverReached() {
    TrustedProxies proxies = TrustedProxies.parse("127.0.0.1");
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real peer.
    assertEquals("198.51.100.1", client(proxies, "127.0.0.1", "1.2.3.4, 198.51.100.1"));
    assertEquals("198.51.100.1", client(proxies, "127.0.0.1", "1.2.3.4", "198.51.100.1"));
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItForwards() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
    assertEquals("203.0.113.7", client(proxies, "203.0.113.7", "10.0.0.1"));
  }

  @Test
  void garbageFromATrustedProxyLeavesTheProxyAsClient() {
    TrustedProxies proxies = TrustedProxies.parse("127.0.0.1");
    assertEquals("127.0.0.1", client(proxies, "127.0.0.1", "evil.example"));
    assertEquals("127.0.0.1", client(proxies, "127.0.0.1", "999.1.1.1"));
  }

  @Test
  void hostNamesAreNeverResolved() {
    assertTrue(ClientAddress.parse("localhost").isEmpty());
    assertTrue(ClientAddress.parse("example.org").isEmpty());
    assertTrue(ClientAddress.parse("1.2.3").isEmpty());
  }

  @Test
  void ipv6IsCountedByItsSlash64() {
    ClientAddress a = ClientAddress.parse("2001:db8:1:2::1").orElseThrow();
    ClientAddress b = ClientAddress.parse("[2001:db8:1:2:ffff::9]").orElseThrow();
    ClientAddress c = ClientAddress.parse("2001:db8:1:3::1").orElseThrow();
    assertEquals(a.limitKey(), b.limitKey());
    assertFalse(a.limitKey().equals(c.limitKey()));
    assertEquals("192.0.2.5", ClientAddress.parse("192.0.2.5").orElseThrow().limitKey());
  }

  @Test
  void networksMatchByPrefix() {
    TrustedProxies proxies = TrustedProxies.parse("192.168.4.0/22,fd00::/8");
    assertTrue(proxies.trusts(ClientAddress.parse("192.168.7.255").orElseThrow()));
    assertFalse(proxies.trusts(ClientAddress.parse("192.168.8.0").orElseThrow()));
    assertTrue(proxies.trusts(ClientAddress.parse("fd12::1").orElseThrow()));
    assertFalse(proxies.trusts(ClientAddress.parse("fe80::1").orElseThrow()));
  }

  @Test
  void aLongForgedChainIsWalkedOnlySoFar() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
    String chain = "198.51.100.1," + "10.0.0.1,".repeat(100) + "10.0.0.2";
    // Past MAX_HOPS trusted hops the walk stops at a trusted address rather than go on for ever.
    assertEquals("10.0.0.1", client(proxies, "10.0.0.3", chain));
  }

  @Test
  void badListsAreRefusedNamingTheEntry() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    assertTrue(e.getMessage().contains("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.local"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
  }
}

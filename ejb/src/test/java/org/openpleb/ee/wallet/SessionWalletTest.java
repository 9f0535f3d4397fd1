package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.wallet.WalletLimits;
import org.openpleb.ee.platform.ProblemCode;

/**
 * A session wallet handle that meets an {@link Error} (e.g. out of memory) must not die inside the
 * container with its file open: it answers with an application exception, closes its file and
 * reports itself unusable, so the registry replaces it.
 */
class SessionWalletTest {

  private static final String MINT = "http://mint.invalid";

  @TempDir Path dir;

  /** A mint client that runs out of memory when asked about a quote, as a bomb would. */
  private static MintClient exploding(AtomicBoolean explode) {
    return (MintClient)
        Proxy.newProxyInstance(
            MintClient.class.getClassLoader(),
            new Class<?>[] {MintClient.class},
            (proxy, method, args) -> {
              if (method.getName().equals("mintUrl")) {
                return MINT;
              }
              if (explode.get()) {
                throw new OutOfMemoryError("Java heap space");
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static SessionWallet opened(Path file, MintClient mint) {
    SessionWallet handle = new SessionWallet();
    byte[] seed = new byte[64];
    Arrays.fill(seed, (byte) 7);
    handle.open(
        "w1", file, MINT, seed, mint, Clock.systemUTC(), new WalletLimits(100_000_000, 200));
    return handle;
  }

  @Test
  void anErrorMakesTheHandleUnusableAndReleasesItsFile() {
    Path file = dir.resolve("w1.sqlite");
    AtomicBoolean explode = new AtomicBoolean(true);
    SessionWallet handle = opened(file, exploding(explode));
    assertTrue(handle.usable());

    WalletOperationException failed =
        assertThrows(WalletOperationException.class, () -> handle.mintPaidQuote("q1"));

    assertEquals(ProblemCode.INTERNAL_ERROR, failed.code());
    assertInstanceOf(OutOfMemoryError.class, failed.getCause());
    assertFalse(handle.usable());
    // every later call is refused without touching the wallet
    explode.set(false);
    assertEquals(
        ProblemCode.INTERNAL_ERROR,
        assertThrows(WalletOperationException.class, handle::balance).code());
    // the file was closed: a fresh handle opens it and works
    SessionWallet fresh = opened(file, exploding(explode));
    assertEquals(0, fresh.balance().balance().total());
    fresh.close();
  }

  @Test
  void aRefusalLeavesTheHandleUsable() {
    SessionWallet handle = opened(dir.resolve("w2.sqlite"), exploding(new AtomicBoolean()));
    WalletOperationException refused =
        assertThrows(WalletOperationException.class, () -> handle.send(0, null));

    assertEquals(ProblemCode.VALIDATION_FAILED, refused.code());
    assertTrue(handle.usable());
    handle.close();
    assertFalse(handle.usable());
  }
}

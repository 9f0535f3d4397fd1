package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.cashu.token.TokenFormatException;
import org.openpleb.devmint.DevMint;

/**
 * Tokens whose amounts the writer chose: the wallet refuses them before it plans an output, checks
 * a DLEQ proof or asks the mint to swap, and its work stays bounded whatever the amount.
 */
class ForgedTokenTest {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final SecureRandom RANDOM = new SecureRandom();
  static DevMint mint;

  @TempDir Path dir;
  private final List<Wallet> opened = new ArrayList<>();
  private final AtomicInteger swaps = new AtomicInteger();

  @BeforeAll
  static void startMint() {
    mint = MintFixture.startMint(0);
  }

  @AfterAll
  static void stopMint() {
    mint.close();
  }

  @AfterEach
  void closeWallets() {
    opened.forEach(Wallet::close);
  }

  /** A wallet whose mint client counts the swaps it is asked for. */
  private Wallet wallet(WalletLimits limits) {
    String name = "f" + NAMES.incrementAndGet();
    MintClient real = MintFixture.client(mint);
    MintClient counting =
        (MintClient)
            Proxy.newProxyInstance(
                MintClient.class.getClassLoader(),
                new Class<?>[] {MintClient.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("swap")) {
                    swaps.incrementAndGet();
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    Wallet w =
        Wallet.builder(dir.resolve(name + ".db"), mint.url(), MintFixture.seed(name), counting)
            .limits(limits)
            .open();
    opened.add(w);
    return w;
  }

  /** A real token of the dev mint, its proofs' amounts replaced and their C random. */
  private static String forged(Token real, long... amounts) {
    List<Proof> proofs = new ArrayList<>();
    Proof model = real.proofs().get(0);
    for (long amount : amounts) {
      String secret = Secp256k1.hex(Secp256k1.toBytes32(Secp256k1.randomScalar(RANDOM)));
      String c = Secp256k1.encode(Secp256k1.hashToCurve(secret.getBytes(StandardCharsets.UTF_8)));
      proofs.add(new Proof(amount, model.id(), secret, c));
    }
    return TokenCodec.encodeV4(new Token(real.mint(), real.unit(), null, proofs));
  }

  private Token realToken(Wallet sender, long sats) {
    MintFixture.fund(sender, sats);
    String text = sender.send(sats).token();
    List<String> ids = MintFixture.client(mint).keysets().stream().map(Keyset::id).toList();
    return TokenCodec.decode(text, ids);
  }

  private void assertRefusedUntouched(Wallet receiver, String token) {
    int swapsBefore = swaps.get();
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> assertThrows(TokenInvalidException.class, () -> receiver.receive(token)));
    assertEquals(swapsBefore, swaps.get(), "the mint was asked to swap");
    assertEquals(0, receiver.balance().total());
    assertTrue(receiver.history(10).isEmpty(), "an operation was journaled");
  }

  @Test
  void aProofOfTwoToTheSixtySecondSatsIsRefusedAtOnce() {
    Wallet sender = wallet(WalletLimits.defaults());
    Token real = realToken(sender, 8);
    assertRefusedUntouched(wallet(WalletLimits.defaults()), forged(real, 1L << 62));
  }

  @Test
  void anAmountTheKeysetHasNoKeyForIsRefused() {
    Wallet sender = wallet(WalletLimits.defaults());
    Token real = realToken(sender, 8);
    // the dev mint signs powers of two up to 2^31: 3 and 2^40 are no coins of it
    assertRefusedUntouched(wallet(WalletLimits.defaults()), forged(real, 3));
    assertRefusedUntouched(wallet(WalletLimits.defaults()), forged(real, 1L << 40));
  }

  @Test
  void aTotalAboveTheLimitIsRefused() {
    Wallet sender = wallet(WalletLimits.defaults());
    Token real = realToken(sender, 8);
    WalletLimits small = new WalletLimits(100, 10);
    assertRefusedUntouched(wallet(small), forged(real, 64, 32, 8));
  }

  @Test
  void tooManyProofsAreRefused() {
    Wallet sender = wallet(WalletLimits.defaults());
    Token real = realToken(sender, 8);
    WalletLimits few = new WalletLimits(1_000, 2);
    assertRefusedUntouched(wallet(few), forged(real, 1, 1, 1));
  }

  @Test
  void amountsThatOverflowALongAreRefused() {
    Wallet sender = wallet(WalletLimits.defaults());
    Token real = realToken(sender, 8);
    String overflowing = forged(real, 1L << 62, 1L << 62, 1L << 62);
    Wallet receiver = wallet(WalletLimits.defaults());
    int swapsBefore = swaps.get();
    assertThrows(TokenFormatException.class, () -> receiver.receive(overflowing));
    assertEquals(swapsBefore, swaps.get(), "the mint was asked to swap");
    assertTrue(receiver.history(10).isEmpty());
  }

  @Test
  void anHonestTokenWithinTheLimitsIsStillReceived() {
    Wallet sender = wallet(WalletLimits.defaults());
    MintFixture.fund(sender, 100);
    String token = sender.send(100).token();
    Wallet receiver = wallet(new WalletLimits(100, 10));
    assertEquals(100, receiver.receive(token).amount());
  }

  @Test
  void operationsAboveTheLimitAreRefusedBeforeTheMint() {
    Wallet w = wallet(new WalletLimits(1_000, 10));
    assertThrows(IllegalArgumentException.class, () -> w.requestMintQuote(1_001));
    assertThrows(IllegalArgumentException.class, () -> w.send(1_001));
    assertThrows(IllegalArgumentException.class, () -> w.reserve(1_001, "o"));
    assertEquals(0, swaps.get());
  }

  @Test
  void aSplitNeverPlansMoreThanTheBoundWhateverTheAmount() {
    TreeMap<BigInteger, String> keys = new TreeMap<>();
    for (int i = 0; i < 32; i++) {
      keys.put(BigInteger.ONE.shiftLeft(i), "k" + i);
    }
    Keyset devLike = new Keyset("01ab", "sat", true, 0, null, keys);
    // 2^62 in coins of at most 2^31 would be 2^31 outputs: refused after counting, in no time
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () -> assertThrows(WalletException.class, () -> Denominations.split(1L << 62, devLike)));
    assertThrows(
        WalletException.class,
        () -> OutputFactory.plan(OutputRole.KEEP, Long.MAX_VALUE, devLike, null));
    long atTheBound = (1L << 31) * Denominations.MAX_PARTS;
    assertEquals(Denominations.MAX_PARTS, Denominations.split(atTheBound, devLike).size());
    assertThrows(WalletException.class, () -> Denominations.split(atTheBound + 1, devLike));
    assertThrows(
        WalletException.class, () -> Denominations.split(atTheBound + (1L << 31), devLike));
  }

  @Test
  void limitsThemselvesAreBounded() {
    assertThrows(IllegalArgumentException.class, () -> new WalletLimits(0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WalletLimits(WalletLimits.BITCOIN_SUPPLY_SATS + 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new WalletLimits(1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new WalletLimits(1, Denominations.MAX_PARTS + 1));
  }
}

package org.openpleb.ee.web.offer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.openpleb.cashu.mint.HttpMintClient;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.ProofCheck;
import org.openpleb.cashu.mint.ProofStatus;
import org.openpleb.cashu.wallet.MintQuote;
import org.openpleb.cashu.wallet.Wallet;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;

/**
 * The dev mint of the trade ITs, running in the client JVM, with a wallet of the test's own that
 * mints the Cashu tokens users post. Invoices are paid only when a test pays them. Client-side
 * only: never added to a test archive.
 */
final class TradeMint {

  private static volatile TradeMint current;

  private final DevMint mint;
  private final MintClient client;
  private final Wallet outside;

  private TradeMint(DevMint mint, Wallet outside) {
    this.mint = mint;
    this.client = HttpMintClient.builder(mint.url()).build();
    this.outside = outside;
  }

  /** Starts a fresh dev mint (fixed test seed, no fee, invoices paid by the test); its URL. */
  static String start(Path dataDir) {
    return start(dataDir, 0);
  }

  /** Starts a fresh dev mint charging {@code inputFeePpk} per input; its URL. */
  static String start(Path dataDir, long inputFeePpk) {
    return start(dataDir, inputFeePpk, true);
  }

  /** Starts a fresh dev mint, with or without NUT-17 subscriptions; its URL. */
  static synchronized String start(Path dataDir, long inputFeePpk, boolean nut17) {
    if (current != null) {
      current.mint.close();
    }
    DevMint mint =
        DevMint.start(
            DevMintConfig.defaults()
                .withAutoPay(false)
                .withInputFeePpk(inputFeePpk)
                .withNut17(nut17));
    byte[] seed = new byte[64];
    new SecureRandom().nextBytes(seed);
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    MintClient client = HttpMintClient.builder(mint.url()).build();
    Wallet outside = Wallet.open(dataDir.resolve("outside.sqlite"), mint.url(), seed, client);
    current = new TradeMint(mint, outside);
    Runtime.getRuntime().addShutdownHook(new Thread(mint::close));
    return mint.url();
  }

  static TradeMint get() {
    TradeMint m = current;
    if (m == null) {
      throw new IllegalStateException("the dev mint was not started by the deployment");
    }
    return m;
  }

  /** Pays the invoice of a mint quote, as the maker's Lightning wallet would. */
  void pay(String quoteId) {
    mint.control().markQuotePaid(quoteId);
  }

  /** A token of exactly {@code sats}, minted from outside the platform. */
  synchronized String token(long sats) {
    MintQuote quote = outside.requestMintQuote(sats);
    pay(quote.quoteId());
    outside.mintPaidQuote(quote.quoteId());
    return outside.send(sats).token();
  }

  /** Receives a token the platform handed out into the test's own wallet; the sats received. */
  synchronized long redeem(String token) {
    return outside.receive(token).amount();
  }

  /** Which of the proofs with these Ys the mint still holds unspent. */
  List<Boolean> unspent(List<String> ys) {
    List<Boolean> unspent = new ArrayList<>(ys.size());
    for (int from = 0; from < ys.size(); from += 100) {
      List<ProofCheck> checks =
          client.checkState(ys.subList(from, Math.min(ys.size(), from + 100)));
      for (ProofCheck c : checks) {
        unspent.add(c.status() == ProofStatus.UNSPENT);
      }
    }
    return unspent;
  }

  /** The mint's controls. */
  DevMint mint() {
    return mint;
  }
}

package org.openpleb.cashu.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.openpleb.cashu.CashuException;
import org.openpleb.cashu.mint.HttpMintClient;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.cashu.wallet.MintQuote;
import org.openpleb.cashu.wallet.ReceiveResult;
import org.openpleb.cashu.wallet.SendResult;
import org.openpleb.cashu.wallet.TokenAlreadySpentException;
import org.openpleb.cashu.wallet.Wallet;

/**
 * The Java wallet as a command for the cashu-ts interoperability suite.
 *
 * <pre>
 *   mint-and-send &lt;mintUrl&gt; &lt;amount&gt; &lt;walletFile&gt;   mints amount sats, prints a token of them
 *   receive &lt;mintUrl&gt; &lt;token|-&gt; &lt;walletFile&gt;        receives a token (- reads it from stdin),
 *                                                    prints the sats credited
 * </pre>
 *
 * <p>The wallet's 64-byte seed lives next to the wallet file ({@code <walletFile>.seed}), created
 * on first use. {@code receive} refuses tokens whose proofs lack a DLEQ proof with its blinding
 * factor, so every token cashu-ts hands over has its DLEQ checked by the wallet. Exit codes: 0
 * done, 1 failure, 2 bad usage, 3 the token was already spent, 4 the wallet refused the token.
 */
public final class InteropCli {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int ALREADY_SPENT = 3;
  static final int REFUSED = 4;

  private static final Duration QUOTE_PAID_TIMEOUT = Duration.ofSeconds(10);
  private static final int SEED_BYTES = 64;

  private InteropCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    if (args.length != 4) {
      err.println(usage());
      return USAGE;
    }
    String command = args[0];
    String mintUrl = args[1];
    Path walletFile = Path.of(args[3]);
    try {
      switch (command) {
        case "mint-and-send" -> {
          long amount = parseAmount(args[2]);
          out.println(mintAndSend(mintUrl, amount, walletFile));
          return OK;
        }
        case "receive" -> {
          String token =
              args[2].equals("-")
                  ? new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip()
                  : args[2];
          out.println(receive(mintUrl, token, walletFile));
          return OK;
        }
        default -> {
          err.println(usage());
          return USAGE;
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("usage error: " + e.getMessage());
      return USAGE;
    } catch (TokenAlreadySpentException e) {
      err.println("rejected: " + describe(e));
      return ALREADY_SPENT;
    } catch (CashuException e) {
      err.println("rejected: " + describe(e));
      return REFUSED;
    } catch (IOException | RuntimeException e) {
      err.println("failed: " + describe(e));
      return FAILED;
    }
  }

  /** Mints {@code amount} sats through a (dev-mint paid) quote and makes a token of all of them. */
  static String mintAndSend(String mintUrl, long amount, Path walletFile) throws IOException {
    try (Wallet wallet = open(mintUrl, walletFile)) {
      MintQuote quote = wallet.requestMintQuote(amount);
      awaitPaid(wallet, quote);
      wallet.mintPaidQuote(quote.quoteId());
      SendResult sent = wallet.send(amount);
      return sent.token();
    }
  }

  /** Receives a token after making sure each proof carries a DLEQ proof the wallet will check. */
  static long receive(String mintUrl, String token, Path walletFile) throws IOException {
    Token decoded = TokenCodec.decodeUnresolved(token);
    for (Proof proof : decoded.proofs()) {
      // The wallet verifies a DLEQ proof whenever one is present; demanding one makes sure the
      // check really runs on cashu-ts tokens instead of being skipped.
      if (proof.dleq() == null || proof.dleq().r() == null) {
        throw new IllegalArgumentException("token proof of " + proof.amount() + " has no DLEQ/r");
      }
    }
    try (Wallet wallet = open(mintUrl, walletFile)) {
      ReceiveResult result = wallet.receive(token);
      return result.amount();
    }
  }

  private static void awaitPaid(Wallet wallet, MintQuote quote) {
    long deadline = System.nanoTime() + QUOTE_PAID_TIMEOUT.toNanos();
    MintQuoteState state = quote.state();
    while (state == MintQuoteState.UNPAID) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("mint quote still unpaid after " + QUOTE_PAID_TIMEOUT);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the quote", e);
      }
      state =
          wallet
              .checkQuote(quote.quoteId())
              .map(MintQuote::state)
              .orElseThrow(() -> new IllegalStateException("mint forgot the quote"));
    }
  }

  private static Wallet open(String mintUrl, Path walletFile) throws IOException {
    return Wallet.open(walletFile, mintUrl, seedFor(walletFile), HttpMintClient.create(mintUrl));
  }

  /** The wallet's seed, kept beside the wallet file and made on first use. */
  private static byte[] seedFor(Path walletFile) throws IOException {
    Path seedFile = walletFile.resolveSibling(walletFile.getFileName() + ".seed");
    if (Files.exists(seedFile)) {
      byte[] seed = HexFormat.of().parseHex(Files.readString(seedFile).strip());
      if (seed.length != SEED_BYTES) {
        throw new IllegalStateException("seed file does not hold " + SEED_BYTES + " bytes");
      }
      return seed;
    }
    byte[] seed = new byte[SEED_BYTES];
    new SecureRandom().nextBytes(seed);
    Path parent = seedFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(seedFile, HexFormat.of().formatHex(seed));
    return seed;
  }

  private static long parseAmount(String text) {
    try {
      long amount = Long.parseLong(text);
      if (amount <= 0) {
        throw new IllegalArgumentException("amount must be positive");
      }
      return amount;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount must be a whole number of sats", e);
    }
  }

  private static String describe(Exception e) {
    // messages of the wallet and mint client carry no secrets (project rule), so they can be shown
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  static String usage() {
    return String.join(
        System.lineSeparator(),
        "usage: InteropCli mint-and-send <mintUrl> <amount> <walletFile>",
        "       InteropCli receive <mintUrl> <token|-> <walletFile>");
  }
}

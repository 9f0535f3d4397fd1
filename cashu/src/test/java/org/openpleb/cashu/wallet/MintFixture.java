package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import org.openpleb.cashu.mint.HttpMintClient;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.ProofCheck;
import org.openpleb.cashu.mint.ProofStatus;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;

/** Starts dev mints and opens wallets against them; checks a wallet against the mint's books. */
final class MintFixture {

  private MintFixture() {}

  static DevMint startMint(long inputFeePpk) {
    return DevMint.start(DevMintConfig.defaults().withInputFeePpk(inputFeePpk));
  }

  /** A 64-byte seed derived from a name, so each test wallet has its own. */
  static byte[] seed(String name) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(name.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client with short timeouts, so a hanging mint turns into an unknown outcome quickly. */
  static MintClient client(DevMint mint) {
    return HttpMintClient.builder(mint.url())
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofMillis(1500))
        .build();
  }

  static Wallet open(Path file, DevMint mint, byte[] seed) {
    return Wallet.open(file, mint.url(), seed, client(mint));
  }

  static Wallet open(Path file, DevMint mint, byte[] seed, CrashPoint crash) {
    return Wallet.builder(file, mint.url(), seed, client(mint)).crashPoint(crash).open();
  }

  /** Mints {@code sats} into the wallet through a (fake-paid) Lightning invoice. */
  static MintResult fund(Wallet wallet, long sats) {
    MintQuote quote = wallet.requestMintQuote(sats);
    return wallet.mintPaidQuote(quote.quoteId());
  }

  /**
   * What the mint says the wallet owns: the sum of every proof the wallet has ever stored that the
   * mint reports unspent (or pending in a payment).
   */
  static long mintView(Wallet wallet, MintClient client) {
    List<StoredProof> proofs = wallet.store().allProofs();
    long unspent = 0;
    for (int from = 0; from < proofs.size(); from += 100) {
      List<StoredProof> chunk = proofs.subList(from, Math.min(proofs.size(), from + 100));
      List<ProofCheck> states = client.checkState(chunk.stream().map(StoredProof::y).toList());
      for (int i = 0; i < chunk.size(); i++) {
        if (states.get(i).status() != ProofStatus.SPENT) {
          unspent += chunk.get(i).amount();
        }
      }
    }
    return unspent;
  }

  /**
   * The wallet's books agree with the mint to the sat: its balance is what the mint holds unspent
   * for it, and every proof it marks spent is spent at the mint (and vice versa).
   */
  static void assertAgreesWithMint(Wallet wallet, MintClient client) {
    List<StoredProof> proofs = wallet.store().allProofs();
    for (int from = 0; from < proofs.size(); from += 100) {
      List<StoredProof> chunk = proofs.subList(from, Math.min(proofs.size(), from + 100));
      List<ProofCheck> states = client.checkState(chunk.stream().map(StoredProof::y).toList());
      for (int i = 0; i < chunk.size(); i++) {
        boolean spentHere = chunk.get(i).state() == ProofState.SPENT;
        boolean spentThere = states.get(i).status() == ProofStatus.SPENT;
        assertEquals(spentThere, spentHere, "proof " + chunk.get(i) + " state disagrees with mint");
      }
    }
    assertEquals(mintView(wallet, client), wallet.balance().total(), "balance vs mint");
  }
}

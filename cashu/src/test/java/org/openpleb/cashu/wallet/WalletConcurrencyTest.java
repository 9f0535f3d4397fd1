package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.devmint.DevMint;

/** Many threads move money through one wallet at once; not a sat is lost or spent twice. */
class WalletConcurrencyTest {

  @TempDir Path dir;

  @Test
  void concurrentSendsReceivesAndReservationsKeepTheBooksExact() throws Exception {
    try (DevMint mint = MintFixture.startMint(0);
        Wallet shared =
            MintFixture.open(dir.resolve("shared.db"), mint, MintFixture.seed("shared"));
        Wallet peer = MintFixture.open(dir.resolve("peer.db"), mint, MintFixture.seed("peer"))) {
      MintClient client = MintFixture.client(mint);
      for (int i = 0; i < 4; i++) {
        MintFixture.fund(shared, 500);
      }
      MintFixture.fund(peer, 500);

      int threads = 8;
      int rounds = 5;
      AtomicInteger completed = new AtomicInteger();
      AtomicInteger starved = new AtomicInteger();
      Set<String> tokens = ConcurrentHashMap.newKeySet();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < rounds; r++) {
                    long amount = 1 + ThreadLocalRandom.current().nextInt(60);
                    try {
                      switch ((thread + r) % 3) {
                        case 0 -> {
                          // out to the peer and straight back
                          String token = shared.send(amount).token();
                          assertTrue(tokens.add(token), "a token was made twice");
                          peer.receive(token);
                          shared.receive(peer.send(amount).token());
                        }
                        case 1 -> {
                          // to itself: the wallet swaps its own outstanding token
                          shared.receive(shared.send(amount).token());
                        }
                        default -> {
                          String owner = "owner-" + thread + "-" + r;
                          shared.reserve(amount, owner);
                          assertEquals(amount, shared.reservedFor(owner));
                          assertEquals(amount, shared.release(owner));
                        }
                      }
                      completed.incrementAndGet();
                    } catch (InsufficientFundsException busy) {
                      // every spendable proof was held by other threads at that instant
                      starved.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get(90, TimeUnit.SECONDS);
      }
      pool.shutdown();

      assertTrue(completed.get() > threads * rounds / 2, "most rounds ran: " + completed);
      shared.reconcileInflight();
      peer.reconcileInflight();
      assertEquals(new Balance(2000, 0, 0), shared.balance());
      assertEquals(new Balance(500, 0, 0), peer.balance());
      MintFixture.assertAgreesWithMint(shared, client);
      MintFixture.assertAgreesWithMint(peer, client);
      List<String> secrets = shared.store().allProofs().stream().map(StoredProof::secret).toList();
      assertEquals(secrets.size(), Set.copyOf(secrets).size(), "no proof stored twice");
      assertTrue(shared.recover().clean());
    }
  }
}

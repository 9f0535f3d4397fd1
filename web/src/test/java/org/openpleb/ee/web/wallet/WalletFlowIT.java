package org.openpleb.ee.web.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.wallet.WalletApiClient.assertProblem;
import static org.openpleb.ee.web.wallet.WalletApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.cashu.crypto.P2pk;
import org.openpleb.cashu.crypto.Secp256k1Backends;
import org.openpleb.cashu.mint.HttpMintClient;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.cashu.wallet.Wallet;
import org.openpleb.ee.capacity.AdjustableMemoryProbe;
import org.openpleb.ee.capacity.CapacityLevel;
import org.openpleb.ee.capacity.CapacityMonitor;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.wallet.MintExecutor;
import org.openpleb.ee.wallet.WalletLease;
import org.openpleb.ee.wallet.WalletOperationException;
import org.openpleb.ee.wallet.WalletRegistry;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.wallet.WalletApiClient.Session;

/**
 * Session wallets on Payara against the dev mint, with at most three open wallets: Lightning
 * deposits credited by the server alone, token deposits, token and Lightning withdrawals,
 * Idempotency-Key replays, lazy opening, the LRU with its metrics, pinning and EMERGENCY relief.
 * HTTP tests run as a client; the registry tests run inside the server.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class WalletFlowIT {

  private static final String MISSES = "openpleb_wallet_cache_misses_total";
  private static final String EVICTIONS = "openpleb_wallet_cache_evictions_total";
  private static final String REOPENS = "openpleb_wallet_reopen_seconds_count";
  private static final String CACHE_SIZE = "openpleb_wallet_cache_size";

  @Deployment
  static WebArchive deployment() {
    String mintUrl = ItMint.start();
    Path data = WalletApiClient.dataDir();
    return WalletApiClient.deployment(
        "OPENPLEB_MINT_URL="
            + mintUrl
            + "\nWALLET_CACHE_SIZE=3\nWALLET_PIN_WAIT_MS=1000\nWALLET_DEPOSIT_POLL_INTERVAL=200\n"
            + "CAPACITY_MEMORY_SOURCE=test\n"
            + "WALLET_DIR="
            + data.resolve("wallets")
            + "\nOPENPLEB_MASTER_SEED_FILE="
            + data.resolve("master-seed")
            + "\n",
        WalletFlowIT.class,
        WalletApiClient.class,
        WalletApiClient.User.class,
        WalletApiClient.Session.class);
  }

  @ArquillianResource URL base;

  @EJB WalletRegistry registry;

  @Inject CapacityMonitor monitor;

  @Inject AdjustableMemoryProbe memory;

  private WalletApiClient api() {
    return new WalletApiClient(base);
  }

  @Test
  @RunAsClient
  void theDeploymentUsesTheDevMintAndThreeWalletHandles() throws Exception {
    JsonNode info = json(api().get("api/info", null));

    assertEquals(3, info.path("limits").path("walletCacheSize").asInt(), info::toString);
    assertEquals(ItMint.url(), info.path("mint").path("url").asText(), info::toString);
    assertEquals(3, api().metric("openpleb_wallet_cache_capacity"));
  }

  @Test
  @RunAsClient
  void loggingInReadingBalancesAndTheOrderBookOpenNoWallet() throws Exception {
    WalletApiClient api = api();
    double misses = api.metric(MISSES);

    for (int i = 0; i < 4; i++) {
      Session session = api.login();
      HttpResponse<String> book = api.get("api/offers", session);
      assertEquals(200, book.statusCode(), book::body);
      JsonNode wallet = api.wallet(session);
      assertEquals(0, wallet.path("spendable").asLong());
      assertEquals(0, wallet.path("dormant").size());
      assertTrue(wallet.path("walletId").asText().matches("[0-9a-f-]{36}"), wallet::toString);
    }

    HttpResponse<String> anonymousBook = api.get("api/offers", null);
    assertEquals(200, anonymousBook.statusCode(), anonymousBook::body);
    assertEquals(misses, api.metric(MISSES), "login, balances and the order book open no wallet");
  }

  @Test
  @RunAsClient
  void aLightningDepositIsCreditedWithoutTheClientPolling() throws Exception {
    WalletApiClient api = api();
    Session session = api.login();
    double credited = api.metric("openpleb_wallet_deposits_credited_total");

    HttpResponse<String> created =
        api.post("api/wallet/deposits/lightning", session, "{\"amount\":5000}");

    assertEquals(201, created.statusCode(), created::body);
    JsonNode deposit = json(created);
    URI location = URI.create(created.headers().firstValue("Location").orElse(""));
    assertTrue(location.isAbsolute(), location::toString);
    assertEquals("/api/wallet/deposits/" + deposit.path("depositId").asText(), location.getPath());
    assertTrue(deposit.path("invoice").asText().startsWith("ln"), created::body);
    assertEquals(5000, deposit.path("amount").asLong());
    assertEquals("PENDING", deposit.path("state").asText());
    assertFalse(deposit.has("quote") || deposit.has("quoteId"), created::body);
    // only the stored balance is read: the server credits the paid invoice by itself
    api.awaitWallet(session, w -> w.path("spendable").asLong() == 5000);
    JsonNode seen =
        json(api.get("api/wallet/deposits/" + deposit.path("depositId").asText(), session));
    assertEquals("CREDITED", seen.path("state").asText(), seen::toString);
    assertEquals(5000, seen.path("creditedAmount").asLong());
    assertEquals(credited + 1, api.metric("openpleb_wallet_deposits_credited_total"));
    assertProblem(
        api.get("api/wallet/deposits/" + deposit.path("depositId").asText(), api.login()),
        404,
        "NOT_FOUND");
  }

  @Test
  @RunAsClient
  void aTokenWithdrawnFromOneWalletIsDepositedIntoAnotherExactlyOnce() throws Exception {
    WalletApiClient api = api();
    Session alice = api.login();
    Session bob = api.login();
    api.fund(alice, 4000);

    HttpResponse<String> withdrawn =
        api.post("api/wallet/withdrawals/token", alice, "{\"amount\":1500}");

    assertEquals(200, withdrawn.statusCode(), withdrawn::body);
    JsonNode token = json(withdrawn);
    assertEquals(1500, token.path("amount").asLong());
    assertEquals(2500, token.path("balance").path("spendable").asLong(), withdrawn::body);
    assertTrue(token.path("token").asText().startsWith("cashuB"), withdrawn::body);
    String body = "{\"token\":\"" + token.path("token").asText() + "\"}";
    HttpResponse<String> received = api.post("api/wallet/deposits/token", bob, body);
    assertEquals(200, received.statusCode(), received::body);
    assertEquals(1500, json(received).path("amount").asLong());
    assertEquals(1500, api.wallet(bob).path("spendable").asLong());
    assertProblem(api.post("api/wallet/deposits/token", bob, body), 409, "TOKEN_ALREADY_SPENT");
    assertEquals(1500, api.wallet(bob).path("spendable").asLong());
    assertProblem(
        api.post("api/wallet/deposits/token", bob, "{\"token\":\"cashuBnotatoken\"}"),
        400,
        "TOKEN_REJECTED");
    assertProblem(
        api.post("api/wallet/withdrawals/token", bob, "{\"amount\":999999}"),
        409,
        "INSUFFICIENT_FUNDS");
  }

  @Test
  @RunAsClient
  void aTokenLockedToTheSessionKeyIsClaimableOnlyWithTheLoginKey() throws Exception {
    WalletApiClient api = api();
    Session alice = api.login();
    api.fund(alice, 2000);

    HttpResponse<String> withdrawn =
        api.post(
            "api/wallet/withdrawals/token", alice, "{\"amount\":700,\"lockToSessionKey\":true}");

    assertEquals(200, withdrawn.statusCode(), withdrawn::body);
    String lock = "02" + alice.user().pubkey();
    assertEquals(lock, json(withdrawn).path("lockedTo").asText());
    String tokenText = json(withdrawn).path("token").asText();
    Token token = TokenCodec.decodeUnresolved(tokenText);
    assertEquals(700, token.amount());
    token.proofs().forEach(p -> assertEquals(lock, P2pk.lockedPubkey(p.secret()).orElse("")));
    // the server holds no user key: the platform cannot take a locked token back in
    assertProblem(
        api.post("api/wallet/deposits/token", api.login(), "{\"token\":\"" + tokenText + "\"}"),
        400,
        "TOKEN_REJECTED");
    Path file = Files.createTempDirectory("wallet-it-client").resolve("alice.sqlite");
    byte[] seed = new byte[64];
    new SecureRandom().nextBytes(seed);
    try (Wallet own = Wallet.open(file, ItMint.url(), seed, HttpMintClient.create(ItMint.url()))) {
      assertEquals(700, own.receive(tokenText, new BigInteger(1, alice.user().secret())).amount());
    }
  }

  @Test
  @RunAsClient
  void aLightningWithdrawalPaysTheInvoiceAndReturnsTheChange() throws Exception {
    WalletApiClient api = api();
    Session alice = api.login();
    api.fund(alice, 3000);
    String invoice = ItMint.invoice(1200);

    HttpResponse<String> paid =
        api.post("api/wallet/withdrawals/lightning", alice, "{\"invoice\":\"" + invoice + "\"}");

    assertEquals(200, paid.statusCode(), paid::body);
    JsonNode melt = json(paid);
    assertEquals("PAID", melt.path("status").asText(), paid::body);
    assertEquals(1200, melt.path("amount").asLong());
    long fee = melt.path("fee").asLong();
    assertTrue(fee >= 0, paid::body);
    assertTrue(melt.path("change").asLong() >= 0, paid::body);
    assertEquals(3000 - 1200 - fee, melt.path("balance").path("spendable").asLong(), paid::body);
    assertEquals(3000 - 1200 - fee, api.wallet(alice).path("spendable").asLong());
    assertProblem(
        api.post("api/wallet/withdrawals/lightning", alice, "{\"invoice\":\"not an invoice\"}"),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  @RunAsClient
  void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndMovesNoMoreMoney() throws Exception {
    WalletApiClient api = api();
    Session alice = api.login();
    api.fund(alice, 5000);
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first =
        api.post("api/wallet/withdrawals/token", alice, "{\"amount\":1000}", key);
    HttpResponse<String> retry =
        api.post("api/wallet/withdrawals/token", alice, "{\"amount\":1000}", key);

    assertEquals(200, first.statusCode(), first::body);
    assertEquals(200, retry.statusCode(), retry::body);
    assertEquals(first.body(), retry.body());
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());
    assertEquals(4000, api.wallet(alice).path("spendable").asLong());
    assertProblem(
        api.post("api/wallet/withdrawals/token", alice, "{\"amount\":999}", key),
        422,
        "IDEMPOTENCY_KEY_REUSED");
    // the same key is another request for another user or endpoint
    HttpResponse<String> invoice =
        api.post("api/wallet/deposits/lightning", alice, "{\"amount\":10}", key);
    HttpResponse<String> invoiceAgain =
        api.post("api/wallet/deposits/lightning", alice, "{\"amount\":10}", key);
    assertEquals(201, invoice.statusCode(), invoice::body);
    assertEquals(201, invoiceAgain.statusCode(), invoiceAgain::body);
    assertEquals(
        json(invoice).path("depositId").asText(), json(invoiceAgain).path("depositId").asText());
    assertEquals(
        invoice.headers().firstValue("Location"),
        invoiceAgain.headers().firstValue("Location"),
        "a replay carries the first answer's Location");
    assertTrue(invoice.headers().firstValue("Location").isPresent(), invoice::body);
    String melt = "{\"invoice\":\"" + ItMint.invoice(500) + "\"}";
    String meltKey = UUID.randomUUID().toString();
    HttpResponse<String> paid = api.post("api/wallet/withdrawals/lightning", alice, melt, meltKey);
    assertEquals(200, paid.statusCode(), paid::body);
    long fee = json(paid).path("fee").asLong();
    HttpResponse<String> paidAgain =
        api.post("api/wallet/withdrawals/lightning", alice, melt, meltKey);
    assertEquals(paid.body(), paidAgain.body());
    api.awaitWallet(alice, w -> w.path("spendable").asLong() == 4000 + 10 - 500 - fee);
  }

  @Test
  @RunAsClient
  void concurrentDuplicatesRunOnce() throws Exception {
    WalletApiClient api = api();
    Session alice = api.login();
    api.fund(alice, 3000);
    String key = UUID.randomUUID().toString();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        Callable<HttpResponse<String>> call =
            () -> api.post("api/wallet/withdrawals/token", alice, "{\"amount\":800}", key);
        answers.add(clients.submit(call));
      }
      List<String> tokens = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        if (response.statusCode() == 200) {
          tokens.add(response.body());
        } else {
          assertProblem(response, 409, "IDEMPOTENCY_IN_PROGRESS");
        }
      }
      assertFalse(tokens.isEmpty());
      assertEquals(1, tokens.stream().distinct().count(), tokens::toString);
    } finally {
      clients.shutdownNow();
    }
    assertEquals(2200, api.wallet(alice).path("spendable").asLong());
  }

  @Test
  @RunAsClient
  void fiveFundedWalletsUsedInTurnLeaveThreeOpenAndAnEvictedOneReopensWithItsBalance()
      throws Exception {
    WalletApiClient api = api();
    List<Session> users = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Session user = api.login();
      api.fund(user, 1000 + i);
      users.add(user);
    }
    double misses = api.metric(MISSES);
    double evictions = api.metric(EVICTIONS, Map.of("reason", "lru"));
    double reopens = api.metric(REOPENS);

    for (Session user : users) {
      HttpResponse<String> used = api.post("api/wallet/withdrawals/token", user, "{\"amount\":10}");
      assertEquals(200, used.statusCode(), used::body);
    }

    assertEquals(3, api.metric(CACHE_SIZE));
    assertEquals(misses + 5, api.metric(MISSES));
    assertEquals(evictions + 5, api.metric(EVICTIONS, Map.of("reason", "lru")));
    assertEquals(reopens + 5, api.metric(REOPENS), "each was opened from its existing file");
    // the first wallet was evicted; it reopens from its file with the balance it had
    Session first = users.get(0);
    long stored = api.wallet(first).path("spendable").asLong();
    assertEquals(1000 - 10, stored);
    HttpResponse<String> again = api.post("api/wallet/withdrawals/token", first, "{\"amount\":5}");
    assertEquals(200, again.statusCode(), again::body);
    assertEquals(stored - 5, json(again).path("balance").path("spendable").asLong());
    assertEquals(misses + 6, api.metric(MISSES));
    assertEquals(reopens + 6, api.metric(REOPENS));
  }

  /** Inside Payara the wallets' curve arithmetic runs on libsecp256k1 extracted from the WAR. */
  @Test
  void theSessionWalletsRunOnNativeSecp256k1() {
    assertEquals("native", Secp256k1Backends.active().name());
  }

  @Test
  void aPinnedWalletIsNeverEvictedAndAFullCacheOfPinnedOnesRefusesAfterTheWait() {
    String pinnedId = UUID.randomUUID().toString();
    List<String> others = new ArrayList<>();
    try (WalletLease pinned = registry.lease(pinnedId)) {
      for (int i = 0; i < 5; i++) {
        String id = UUID.randomUUID().toString();
        others.add(id);
        registry.lease(id).close();
        assertTrue(registry.isOpen(pinnedId));
      }
      assertEquals(3, registry.openHandles());
      assertEquals(1, registry.pins(pinnedId));

      try (WalletLease second = registry.lease(others.get(0));
          WalletLease third = registry.lease(others.get(1))) {
        long started = System.nanoTime();
        WalletOperationException refused =
            assertThrows(
                WalletOperationException.class, () -> registry.lease(UUID.randomUUID().toString()));
        assertEquals(ProblemCode.WALLET_BUSY, refused.code());
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(900));
        assertTrue(refused.retryAfter().isPresent());
        assertEquals(0, second.wallet().balance().balance().total());
        assertEquals(0, third.wallet().balance().balance().total());
      }
      assertTrue(registry.isOpen(pinnedId));
    } finally {
      others.add(pinnedId);
      others.forEach(registry::discard);
    }
  }

  @Test
  void backgroundMintCallsRunOnTheExecutorTheApplicationDefines() throws Exception {
    Object executor = new InitialContext().lookup(MintExecutor.JNDI_NAME);

    assertTrue(executor instanceof ManagedExecutorService, String.valueOf(executor));
  }

  @Test
  void emergencyClosesEveryWalletNotInUse() {
    String pinnedId = UUID.randomUUID().toString();
    List<String> idle = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    try (WalletLease pinned = registry.lease(pinnedId)) {
      idle.forEach(id -> registry.lease(id).close());
      assertTrue(idle.stream().allMatch(registry::isOpen));

      memory.setRatio(0.99);
      assertEquals(CapacityLevel.EMERGENCY, monitor.check().level());

      assertEquals(1, registry.openHandles());
      assertTrue(registry.isOpen(pinnedId));
      assertFalse(idle.stream().anyMatch(registry::isOpen));
      assertEquals(0, pinned.wallet().balance().balance().total());
    } finally {
      memory.setRatio(0);
      monitor.check();
      assertEquals(CapacityLevel.NORMAL, monitor.current());
      registry.discard(pinnedId);
      idle.forEach(registry::discard);
    }
  }
}

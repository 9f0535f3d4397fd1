package org.openpleb.ee.web.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.wallet.WalletApiClient.assertProblem;
import static org.openpleb.ee.web.wallet.WalletApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.mint.HttpMintClient;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.wallet.WalletApiClient.Session;

/**
 * Issue #11, finding 1 and acceptance 2: tokens whose proofs claim 2^62 sats (a real proof of the
 * dev mint with its amount changed and a random C) are refused with 400 TOKEN_INVALID, fifty at
 * once, on the wallet, offer funding and claim paths; readiness stays UP, the heap after a GC is
 * back where it was, and the sender's wallet still works. Runs inside the server, so the heap is
 * the server's, calling the server over HTTP on its own port.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForgedTokenIT {

  private static final long FORGED_AMOUNT = 1L << 62;
  private static final int PARALLEL = 50;
  private static final long HEAP_SLACK = 8L * 1024 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Deployment
  static WebArchive deployment() {
    String mintUrl = ItMint.start();
    Path data = WalletApiClient.dataDir();
    return WalletApiClient.deployment(
        "OPENPLEB_MINT_URL="
            + mintUrl
            + "\nWALLET_DEPOSIT_POLL_INTERVAL=200\n"
            + "WALLET_DIR="
            + data.resolve("wallets")
            + "\nOPENPLEB_MASTER_SEED_FILE="
            + data.resolve("master-seed")
            + "\n",
        ForgedTokenIT.class,
        WalletApiClient.class,
        WalletApiClient.User.class,
        WalletApiClient.Session.class);
  }

  /** The deployment, for the reconciliation at the class's end (run on the client side). */
  @ArquillianResource URL base;

  /** Last, from outside: custody balances to the sat after every forged token was refused. */
  @Test
  @RunAsClient
  @Order(Integer.MAX_VALUE)
  void custodyBalancesAfterEveryForgedTokenWasRefused() throws Exception {
    ReconciledAtEnd.assertBalanced(base);
  }

  /** The Arquillian request running this test: it tells the server's own HTTP port. */
  @Inject HttpServletRequest runner;

  private WalletApiClient api() throws Exception {
    return new WalletApiClient(new URL("http://127.0.0.1:" + runner.getLocalPort() + "/"));
  }

  @Test
  void fiftyForgedTokensAtOnceAreRefusedAndLeaveTheServerAsItWas() throws Exception {
    WalletApiClient api = api();
    Session sender = api.login();
    api.fund(sender, 3000);
    Session maker = api.login();
    api.fund(maker, 20_000);
    Token realToken = realToken(api, sender);
    String mint = realToken.mint();
    Proof real = realToken.proofs().get(0);

    JsonNode ownOffer = createOffer(api, sender);
    String ownOfferId = ownOffer.path("id").asText();
    String bookedOfferId = fundedOffer(api, maker);
    long spendable = api.wallet(sender).path("spendable").asLong();

    // a first flood grows the server's request threads (and their thread-local caches) to the
    // flood's width and loads every refusal path once: the measured flood must then add nothing
    floodOfForgedDeposits(api, sender, mint, real);
    long heapBefore = heapAfterGc();
    AtomicBoolean flooding = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> readiness = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(PARALLEL + 1);
    try {
      Future<Integer> probe =
          threads.submit(
              () -> {
                int probes = 0;
                while (flooding.get() || probes == 0) {
                  HttpResponse<String> ready = api.get("/health/ready", null);
                  probes++;
                  if (ready.statusCode() != 200) {
                    readiness.add(ready.statusCode() + " " + ready.body());
                  }
                  Thread.sleep(20);
                }
                return probes;
              });
      List<Callable<HttpResponse<String>>> attacks = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        // half as V3 JSON tokens (the finding's cashuA), half as V4 CBOR tokens
        String token = i % 2 == 0 ? forgedV3(mint, real) : forgedV4(mint, real);
        String body = "{\"token\":\"" + token + "\"}";
        attacks.add(() -> api.post("api/wallet/deposits/token", sender, body));
      }
      List<Future<HttpResponse<String>>> answers = threads.invokeAll(attacks, 5, TimeUnit.MINUTES);
      for (Future<HttpResponse<String>> answer : answers) {
        JsonNode problem = assertProblem(answer.get(), 400, "TOKEN_INVALID");
        assertTrue(problem.path("detail").asText().contains("sats"), problem::toString);
      }
      // funding and claiming by token plan outputs too (one attempt per offer at a time)
      for (int i = 0; i < 3; i++) {
        assertProblem(
            api.post(
                "api/offers/" + ownOfferId + "/funding", sender, funding(forgedV4(mint, real))),
            400,
            "TOKEN_INVALID");
        assertProblem(
            api.post(
                "api/offers/" + bookedOfferId + "/claim",
                sender,
                "{\"bondToken\":\"" + forgedV3(mint, real) + "\"}"),
            400,
            "TOKEN_INVALID");
      }
      flooding.set(false);
      assertTrue(probe.get(1, TimeUnit.MINUTES) > 0);
    } finally {
      flooding.set(false);
      threads.shutdownNow();
    }
    assertEquals(List.of(), List.copyOf(readiness), "readiness left UP during the flood");

    long heapAfter = heapAfterGc();
    assertTrue(
        heapAfter - heapBefore < HEAP_SLACK,
        "heap grew from " + heapBefore + " to " + heapAfter + " bytes");

    // nothing moved, and the sender's wallet still receives and pays
    assertEquals(spendable, api.wallet(sender).path("spendable").asLong());
    assertEquals("CREATED", status(api, ownOfferId, sender));
    assertEquals("INVOICE_PAID", status(api, bookedOfferId, maker));
    HttpResponse<String> gift = api.post("api/wallet/withdrawals/token", maker, "{\"amount\":500}");
    assertEquals(200, gift.statusCode(), gift::body);
    HttpResponse<String> deposited =
        api.post(
            "api/wallet/deposits/token",
            sender,
            "{\"token\":\"" + json(gift).path("token").asText() + "\"}");
    assertEquals(200, deposited.statusCode(), deposited::body);
    HttpResponse<String> withdrawn =
        api.post("api/wallet/withdrawals/token", sender, "{\"amount\":700}");
    assertEquals(200, withdrawn.statusCode(), withdrawn::body);
    assertEquals(spendable + 500 - 700, api.wallet(sender).path("spendable").asLong());
  }

  @Test
  void noInvoiceOrWithdrawalAboveTheWalletLimitIsEverStarted() throws Exception {
    WalletApiClient api = api();
    Session user = api.login();
    // WALLET_MAX_TOKEN_SATS is 1 BTC: a paid invoice above it could never be minted
    assertProblem(
        api.post("api/wallet/deposits/lightning", user, "{\"amount\":100000001}"),
        400,
        "VALIDATION_FAILED");
    api.fund(user, 1000);
    assertProblem(
        api.post("api/wallet/withdrawals/token", user, "{\"amount\":100000001}"),
        400,
        "VALIDATION_FAILED");
    assertEquals(1000, api.wallet(user).path("spendable").asLong());
  }

  /** A token of proofs the dev mint really signed: withdrawn by the sender, full keyset ids. */
  private static Token realToken(WalletApiClient api, Session sender) throws Exception {
    HttpResponse<String> withdrawn =
        api.post("api/wallet/withdrawals/token", sender, "{\"amount\":64}");
    assertEquals(200, withdrawn.statusCode(), withdrawn::body);
    String text = json(withdrawn).path("token").asText();
    String mint = TokenCodec.decodeUnresolved(text).mint();
    List<String> ids =
        HttpMintClient.builder(mint).build().keysets().stream().map(Keyset::id).toList();
    return TokenCodec.decode(text, ids);
  }

  /** The real proof's keyset, a claimed amount of 2^62 sats, a fresh secret and a random C. */
  private static Proof forgedProof(Proof real) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String hex = HexFormat.of().formatHex(secret);
    String c = Secp256k1.encode(Secp256k1.hashToCurve(hex.getBytes(StandardCharsets.UTF_8)));
    return new Proof(FORGED_AMOUNT, real.id(), hex, c);
  }

  private static String forgedV4(String mint, Proof real) {
    return TokenCodec.encodeV4(new Token(mint, "sat", null, List.of(forgedProof(real))));
  }

  /** A V3 ({@code cashuA}) token, written as JSON the way other wallets write them. */
  private static String forgedV3(String mint, Proof real) {
    Proof p = forgedProof(real);
    ObjectNode root = WalletApiClient.JSON.createObjectNode();
    ObjectNode entry = root.putArray("token").addObject().put("mint", mint);
    entry
        .putArray("proofs")
        .addObject()
        .put("amount", p.amount())
        .put("id", p.id())
        .put("secret", p.secret())
        .put("C", p.C());
    root.put("unit", "sat");
    return "cashuA"
        + Base64.getUrlEncoder().encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String funding(String token) {
    return WalletApiClient.JSON
        .createObjectNode()
        .put("source", "TOKEN")
        .put("token", token)
        .toString();
  }

  private static JsonNode createOffer(WalletApiClient api, Session maker) throws Exception {
    HttpResponse<String> created =
        api.post(
            "api/offers",
            maker,
            WalletApiClient.JSON
                .createObjectNode()
                .put("fiatAmount", 10_000)
                .put("qrCode", "bank-qr-" + UUID.randomUUID())
                .toString());
    assertEquals(201, created.statusCode(), created::body);
    return json(created);
  }

  /** An offer in the book, funded from the maker's balance. */
  private static String fundedOffer(WalletApiClient api, Session maker) throws Exception {
    String id = createOffer(api, maker).path("id").asText();
    HttpResponse<String> funded =
        api.post("api/offers/" + id + "/funding", maker, "{\"source\":\"BALANCE\"}");
    assertEquals(200, funded.statusCode(), funded::body);
    return id;
  }

  private static String status(WalletApiClient api, String offerId, Session party)
      throws Exception {
    return json(api.get("api/offers/" + offerId, party)).path("status").asText();
  }

  /** The heap in use after full collections: the least of three readings. */
  /** {@link #PARALLEL} forged token deposits at once, each refused as TOKEN_INVALID. */
  private static void floodOfForgedDeposits(
      WalletApiClient api, Session sender, String mint, Proof real) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Callable<HttpResponse<String>>> attacks = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        String token = i % 2 == 0 ? forgedV3(mint, real) : forgedV4(mint, real);
        String body = "{\"token\":\"" + token + "\"}";
        attacks.add(() -> api.post("api/wallet/deposits/token", sender, body));
      }
      for (Future<HttpResponse<String>> answer : threads.invokeAll(attacks, 5, TimeUnit.MINUTES)) {
        assertProblem(answer.get(), 400, "TOKEN_INVALID");
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}

package org.openpleb.ee.web.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.wallet.WalletApiClient.assertProblem;
import static org.openpleb.ee.web.wallet.WalletApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.wallet.WalletApiClient.Session;
import org.openpleb.ee.web.wallet.WalletApiClient.User;

/**
 * What becomes of a wallet when its session ends, on a deployment with ten-second sessions, a
 * cleanup every second and a master seed from the settings: a funded wallet turns dormant and the
 * same key's next session withdraws it; a wallet emptied by its owner is deleted, file and row.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class WalletExpiryIT {

  private static final Duration WAIT = Duration.ofSeconds(40);

  private static Path walletDir;

  @Deployment(testable = false)
  static WebArchive deployment() {
    String mintUrl = ItMint.start();
    walletDir = WalletApiClient.dataDir().resolve("wallets");
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    return WalletApiClient.deployment(
        "OPENPLEB_MINT_URL="
            + mintUrl
            + "\nSESSION_EXPIRY=10\nWALLET_CLEANUP_INTERVAL=1000\nWALLET_DEPOSIT_POLL_INTERVAL=200\n"
            + "WALLET_DIR="
            + walletDir
            + "\nOPENPLEB_MASTER_SEED="
            + HexFormat.of().formatHex(seed)
            + "\n");
  }

  @ArquillianResource URL base;

  @Test
  void anExpiredSessionsWalletTurnsDormantAndTheKeysNextSessionWithdrawsIt() throws Exception {
    WalletApiClient api = new WalletApiClient(base);
    User user = User.random();
    Session first = api.login(user);
    api.fund(first, 4000);
    String walletId = api.wallet(first).path("walletId").asText();
    Path file = walletDir.resolve(walletId + ".sqlite");
    assertTrue(Files.exists(file), file::toString);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

    await(() -> status(api.get("api/wallet", first)) == 401, "the first session to expire");
    Session second = api.login(user);
    JsonNode wallet = api.awaitWallet(second, w -> dormant(w, walletId) != null);

    JsonNode dormant = dormant(wallet, walletId);
    assertEquals(4000, dormant.path("spendable").asLong(), wallet::toString);
    assertEquals(0, wallet.path("spendable").asLong());
    Session stranger = api.login();
    assertEquals(0, api.wallet(stranger).path("dormant").size());
    assertProblem(
        api.post(
            "api/wallet/withdrawals/token",
            stranger,
            "{\"amount\":10,\"walletId\":\"" + walletId + "\"}"),
        404,
        "NOT_FOUND");
    HttpResponse<String> withdrawn =
        api.post(
            "api/wallet/withdrawals/token",
            second,
            "{\"amount\":4000,\"walletId\":\"" + walletId + "\"}");
    assertEquals(200, withdrawn.statusCode(), withdrawn::body);
    assertEquals(walletId, json(withdrawn).path("walletId").asText());
    HttpResponse<String> received =
        api.post(
            "api/wallet/deposits/token",
            second,
            "{\"token\":\"" + json(withdrawn).path("token").asText() + "\"}");
    assertEquals(200, received.statusCode(), received::body);
    assertEquals(4000, api.wallet(second).path("spendable").asLong());
    // claimed and empty, the dormant wallet is deleted by the cleanup
    api.awaitWallet(second, w -> w.path("dormant").isEmpty());
    await(() -> !Files.exists(file), "the emptied dormant wallet's file to be deleted");
  }

  @Test
  void aWalletItsOwnerEmptiedIsDeletedWhenTheSessionEnds() throws Exception {
    WalletApiClient api = new WalletApiClient(base);
    User user = User.random();
    Session session = api.login(user);
    api.fund(session, 1000);
    String walletId = api.wallet(session).path("walletId").asText();
    Path file = walletDir.resolve(walletId + ".sqlite");
    HttpResponse<String> withdrawn =
        api.post("api/wallet/withdrawals/token", session, "{\"amount\":1000}");
    assertEquals(200, withdrawn.statusCode(), withdrawn::body);
    assertEquals(1000, json(withdrawn).path("balance").path("inflight").asLong());
    Session friend = api.login();
    HttpResponse<String> claimed =
        api.post(
            "api/wallet/deposits/token",
            friend,
            "{\"token\":\"" + json(withdrawn).path("token").asText() + "\"}");
    assertEquals(200, claimed.statusCode(), claimed::body);

    HttpResponse<String> logout = api.delete("api/sessions/current", session);

    assertEquals(204, logout.statusCode(), logout::body);
    await(() -> !Files.exists(file), "the empty wallet's file to be deleted");
    Session next = api.login(user);
    assertEquals(0, api.wallet(next).path("dormant").size());
    assertFalse(Files.exists(walletDir.resolve(walletId + ".sqlite-wal")));
  }

  private static JsonNode dormant(JsonNode wallet, String walletId) {
    return StreamSupport.stream(wallet.path("dormant").spliterator(), false)
        .filter(d -> walletId.equals(d.path("walletId").asText()))
        .findFirst()
        .orElse(null);
  }

  private static int status(HttpResponse<String> response) {
    return response.statusCode();
  }

  private static void await(ThrowingCondition condition, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  /** A condition that may need the network to decide. */
  @FunctionalInterface
  private interface ThrowingCondition {
    boolean holds() throws Exception;
  }
}

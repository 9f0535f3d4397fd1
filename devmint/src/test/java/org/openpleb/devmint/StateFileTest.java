package org.openpleb.devmint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.devmint.TestWallet.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.devmint.TestWallet.Coin;
import org.openpleb.devmint.TestWallet.Output;

/**
 * A mint with a state file remembers spent proofs, signatures, quotes and keysets across restarts.
 */
class StateFileTest {

  @TempDir Path dir;

  @Test
  void restartedMintRemembersEverythingItCommitted() throws Exception {
    Path file = dir.resolve("mint-state.json");
    DevMintConfig config = DevMintConfig.defaults().withStateFile(file);
    List<Coin> spent;
    List<Output> outputs;
    String quoteId;
    String rotated;
    try (DevMint first = DevMint.start(config)) {
      TestWallet wallet = new TestWallet(first.url());
      spent = wallet.mint(6);
      outputs = wallet.outputs(wallet.activeKeysetId(), 2, 4);
      ok(wallet.post("/v1/swap", wallet.swapBody(spent, outputs)));
      first.control().setAutoPay(false);
      quoteId = wallet.mintQuote(5).get("quote").asText();
      rotated = first.control().rotateKeyset(100);
    }
    assertTrue(Files.exists(file));
    assertFalse(Files.exists(dir.resolve("mint-state.json.tmp")), "replaced atomically");
    assertEquals(1, TestWallet.JSON.readTree(file.toFile()).get("version").asInt());

    try (DevMint second = DevMint.start(config.withPort(0))) {
      TestWallet wallet = new TestWallet(second.url());
      assertEquals(rotated, wallet.activeKeysetId());
      assertEquals(3, ok(wallet.get("/v1/keysets")).get("keysets").size());
      assertEquals(List.of("SPENT", "SPENT"), wallet.states(spent));
      ObjectNode restore = TestWallet.JSON.createObjectNode();
      restore.set("outputs", TestWallet.json(outputs));
      JsonNode restored = ok(wallet.post("/v1/restore", restore));
      assertEquals(6, TestWallet.total(wallet.unblind(outputs, restored.get("signatures"))));
      assertEquals(
          "UNPAID", ok(wallet.get("/v1/mint/quote/bolt11/" + quoteId)).get("state").asText());
    }
  }

  @Test
  void stateFileOfAnotherSeedIsRefused() {
    Path file = dir.resolve("state.json");
    DevMint.start(DevMintConfig.defaults().withStateFile(file)).close();

    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> DevMint.start(DevMintConfig.defaults().withSeed("other").withStateFile(file)));
    assertFalse(refused.getMessage().contains("other"), "seeds stay out of messages");
  }

  @Test
  void stateFileAloneRecoversARandomSeed() {
    Path file = dir.resolve("random.json");
    List<String> ids;
    try (DevMint first =
        DevMint.start(DevMintConfig.defaults().withSeed(null).withStateFile(file))) {
      ids = first.keysetIds();
    }
    try (DevMint second =
        DevMint.start(DevMintConfig.defaults().withSeed(null).withStateFile(file))) {
      assertEquals(ids, second.keysetIds());
    }
  }
}

package org.openpleb.devmint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.devmint.TestWallet.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line starts the mint, reads options and environment, and shouts its warning. */
class DevMintMainTest {

  @Test
  void startsAndPrintsTheBanner() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DevMint mint =
        DevMintMain.run(
            new String[] {"--port", "0", "--seed", "main-test"},
            Map.of(),
            new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
      String printed = buffer.toString(StandardCharsets.UTF_8);

      assertTrue(printed.contains("FAKE LIGHTNING — DEVELOPMENT ONLY"), printed);
      Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)").matcher(printed);
      assertTrue(url.find(), printed);
      assertEquals(mint.url(), url.group());
      assertTrue(printed.contains(mint.activeKeysetId()));
      assertTrue(!printed.contains("main-test"), "the seed is never printed");
      JsonNode info = ok(new TestWallet(mint.url()).get("/v1/info"));
      assertTrue(info.get("motd").asText().contains("DEVELOPMENT ONLY"));
    }
  }

  @Test
  void environmentConfiguresAndOptionsWin() {
    Map<String, String> env =
        Map.of(
            "DEVMINT_PORT", "0",
            "DEVMINT_SEED", "from-env",
            "DEVMINT_INPUT_FEE_PPK", "100",
            "DEVMINT_AUTO_PAY", "false");
    try (DevMint mint = DevMintMain.run(new String[] {"--input-fee-ppk=250"}, env, quietOut())) {
      TestWallet wallet = new TestWallet(mint.url());
      JsonNode keyset = ok(wallet.get("/v1/keys")).get("keysets").get(0);
      assertEquals(250, keyset.get("input_fee_ppk").asLong());
      assertEquals("UNPAID", wallet.mintQuote(5).get("state").asText());
    }
    try (DevMint mint =
        DevMintMain.run(new String[] {"--auto-pay", "--pay-delay-ms", "0"}, env, quietOut())) {
      assertEquals("PAID", new TestWallet(mint.url()).mintQuote(5).get("state").asText());
    }
  }

  @Test
  void nut17IsOnUnlessSwitchedOffByOptionOrEnvironment() {
    try (DevMint mint = DevMintMain.run(new String[] {"--port", "0"}, Map.of(), quietOut())) {
      assertTrue(mint.offersSubscriptions());
      assertTrue(ok(new TestWallet(mint.url()).get("/v1/info")).path("nuts").has("17"));
    }
    try (DevMint mint =
        DevMintMain.run(new String[] {"--port", "0", "--no-nut17"}, Map.of(), quietOut())) {
      assertTrue(!mint.offersSubscriptions());
      assertTrue(!ok(new TestWallet(mint.url()).get("/v1/info")).path("nuts").has("17"));
    }
    try (DevMint mint =
        DevMintMain.run(
            new String[] {"--port", "0"}, Map.of("DEVMINT_NUT17", "false"), quietOut())) {
      assertTrue(!mint.offersSubscriptions());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> DevMintMain.run(new String[0], Map.of("DEVMINT_NUT17", "maybe"), quietOut()));
  }

  @Test
  void helpPrintsUsageAndBadOptionsAreRefused() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    assertNull(
        DevMintMain.run(
            new String[] {"--help"},
            Map.of(),
            new PrintStream(buffer, true, StandardCharsets.UTF_8)));
    assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("--state-file"));

    assertThrows(
        IllegalArgumentException.class,
        () -> DevMintMain.run(new String[] {"--frobnicate"}, Map.of(), quietOut()));
    assertThrows(
        IllegalArgumentException.class,
        () -> DevMintMain.run(new String[] {"--port"}, Map.of(), quietOut()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DevMintMain.run(
                new String[] {"--port", "0", "--input-fee-ppk", "-1"}, Map.of(), quietOut()));
    assertThrows(
        IllegalArgumentException.class,
        () -> DevMintMain.run(new String[0], Map.of("DEVMINT_AUTO_PAY", "sometimes"), quietOut()));
  }

  private static PrintStream quietOut() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}

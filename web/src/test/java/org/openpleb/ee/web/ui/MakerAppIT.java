package org.openpleb.ee.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.cashu.crypto.Schnorr;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;
import org.openpleb.ee.web.ItAdmission;
import org.openqa.selenium.By;

/**
 * The makers' and takers' app in headless Chromium against Payara, PostgreSQL and a dev mint that
 * pays every invoice by itself a moment after it is issued: a new maker makes a key, logs in by
 * signing the challenge, creates an offer from a pasted bank QR text and funds it by Lightning, and
 * sees it paid without a reload; a second browser profile sees the offer appear in its live order
 * book; the maker deposits by Lightning into the wallet. Every page is screenshot under
 * target/screenshots/, checked by axe-core and must leave no error in the browser console.
 */
@ExtendWith(ArquillianExtension.class)
class MakerAppIT {

  private static final HexFormat HEX = HexFormat.of();

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    File war = new File(System.getProperty("war.file"));
    Path data =
        war.getAbsoluteFile()
            .getParentFile()
            .toPath()
            .resolve("it-ui")
            .resolve(UUID.randomUUID().toString());
    Files.createDirectories(data);
    // invoices are paid two seconds after they are issued: long enough to show the invoice
    DevMint mint =
        DevMint.start(
            DevMintConfig.defaults().withAutoPay(true).withPayDelay(Duration.ofSeconds(2)));
    Runtime.getRuntime().addShutdownHook(new Thread(mint::close));
    String settings =
        "config_ordinal=500\n"
            + ItAdmission.RELAXED
            + "OPENPLEB_MINT_URL="
            + mint.url()
            + "\nOPENPLEB_CURRENCY=KRW\nOPENPLEB_PRICE_SOURCE=fixed\n"
            + "OPENPLEB_PRICE_FIXED=150000000\n"
            + "WALLET_DIR="
            + data.resolve("wallets")
            + "\nOPENPLEB_MASTER_SEED_FILE="
            + data.resolve("master-seed")
            + "\nCAPACITY_MEMORY_SOURCE=test\nOFFER_QUOTE_POLL_INTERVAL=200\n";
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "ui-it-settings.jar")
            .addAsResource(new StringAsset(settings), "META-INF/microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, war).addAsLibrary(config);
  }

  @ArquillianResource URL base;

  /**
   * The app's address as the browser must use it: localhost, a secure context in which the browser
   * offers Web Crypto (Arquillian may name a non-loopback interface instead).
   */
  private String app() throws Exception {
    return new URI("http", null, "localhost", base.getPort(), "/", null, null).toString();
  }

  private static Path screenshots() {
    return new File(System.getProperty("war.file"))
        .getAbsoluteFile()
        .getParentFile()
        .toPath()
        .resolve("screenshots");
  }

  @Test
  void pagesAndLibrariesAreServedWithTheirTypesAndPolicy() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<String, String> types =
        Map.of(
            "",
            "text/html",
            "app/app.js",
            "text/javascript",
            "app/app.css",
            "text/css",
            "webjars/qrcodejs/07f829d/qrcode.min.js",
            "text/javascript");
    for (Map.Entry<String, String> page : types.entrySet()) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(app() + page.getKey())).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), page.getKey());
      String type = answer.headers().firstValue("Content-Type").orElse("");
      // JavaScript may be named by its older type too; both are executable as modules
      assertTrue(
          type.startsWith(page.getValue())
              || page.getValue().equals("text/javascript")
                  && type.startsWith("application/javascript"),
          page.getKey() + " is " + type);
      String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(policy.contains("script-src 'self'"), page.getKey() + ": " + policy);
      assertFalse(policy.contains("unsafe-inline"), policy);
      assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
    HttpResponse<String> api =
        http.send(
            HttpRequest.newBuilder(URI.create(app() + "api/info")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, api.statusCode());
    assertTrue(
        api.headers().firstValue("Content-Security-Policy").isEmpty(),
        "the API's answers keep their own headers");
  }

  @Test
  void theBrowsersSchnorrSignaturesAreTheServersBip340() throws Exception {
    SecureRandom random = new SecureRandom();
    try (Browser browser = Browser.start("crypto")) {
      browser.open(app());
      browser.awaitText("stream", "open", 30);
      for (int i = 0; i < 8; i++) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        secret[0] &= 0x7f; // below the curve order
        byte[] message = new byte[32];
        random.nextBytes(message);
        byte[] aux = new byte[32];
        random.nextBytes(aux);
        byte[] expected = Schnorr.sign(secret, message, aux);
        @SuppressWarnings("unchecked")
        List<Object> answer =
            (List<Object>)
                browser.asyncScript(
                    "const [sk, msg, aux, done] = arguments;"
                        + "import('/app/schnorr.js').then(async s => {"
                        + " const sig = await s.sign(s.fromHex(msg), s.fromHex(sk), s.fromHex(aux));"
                        + " const pub = s.publicKey(s.fromHex(sk));"
                        + " const good = await s.verify(pub, s.fromHex(msg), sig);"
                        + " const bad = sig.slice(); bad[63] ^= 1;"
                        + " const forged = await s.verify(pub, s.fromHex(msg), bad);"
                        + " done([s.toHex(sig), s.toHex(pub), good, forged]);"
                        + "}).catch(e => done([String(e)]));",
                    HEX.formatHex(secret),
                    HEX.formatHex(message),
                    HEX.formatHex(aux));
        assertEquals(HEX.formatHex(expected), answer.get(0), "signature " + i);
        assertEquals(HEX.formatHex(Schnorr.publicKey(secret)), answer.get(1), "public key " + i);
        assertEquals(true, answer.get(2), "the browser verifies its own signature");
        assertEquals(false, answer.get(3), "the browser refuses a changed signature");
        assertTrue(
            Schnorr.verify(HEX.parseHex((String) answer.get(1)), message, expected),
            "the server verifies it");
      }
      browser.assertNoConsoleErrors();
    }
  }

  @Test
  void aNewMakerFundsAnOfferByLightningAndATakerSeesItLive() throws Exception {
    Path shots = screenshots();
    try (Browser maker = Browser.start("maker");
        Browser taker = Browser.start("taker")) {
      taker.open(app());
      taker.awaitText("stream", "open", 30);
      taker.click("generate-key");
      taker.click("login");
      taker.awaitText("who", "Logged in", 30);
      taker.driver().findElement(By.cssSelector("nav button[data-show=book]")).click();
      taker.awaitText("book-count", "offers waiting for a taker", 30);

      maker.open(app());
      maker.awaitText("stream", "open", 30);
      maker.assertAccessible("key");
      maker.screenshot(shots, "key");
      maker.click("generate-key");
      String pubkey = maker.element("pubkey").getText();
      assertTrue(pubkey.matches("[0-9a-f]{64}"), pubkey);
      maker.click("login");
      maker.awaitText("who", "Logged in", 30);
      maker.assertAccessible("key-logged-in");
      maker.screenshot(shots, "logged-in");

      maker.driver().findElement(By.cssSelector("nav button[data-show=sell]")).click();
      maker.type("offer-amount", "10000");
      maker.type("offer-qr", "bank-qr-" + UUID.randomUUID());
      maker.driver().findElement(By.cssSelector("#offer-form button[type=submit]")).click();
      maker.awaitText("offer-details", "CREATED", 30);
      maker.assertAccessible("offer-created");
      maker.screenshot(shots, "offer-created");

      maker.click("fund-lightning");
      maker.awaitVisible("#offer-invoice-qr img, #offer-invoice-qr canvas", 30);
      String invoice = maker.element("offer-invoice-text").getAttribute("value");
      assertTrue(invoice.startsWith("lnbc"), invoice);
      maker.screenshot(shots, "offer-invoice");
      // paid by the mint two seconds later: the state changes on the page, which is not reloaded
      Object page = maker.script("return window.performance.timeOrigin;");
      maker.awaitText("offer-details", "INVOICE_PAID", 60);
      assertEquals(page, maker.script("return window.performance.timeOrigin;"), "no reload");
      maker.assertAccessible("offer-funded");
      maker.screenshot(shots, "offer-funded");

      // the taker's book, loaded before the offer existed, shows it from the event stream
      taker.awaitVisible("#book-list li", 60);
      assertTrue(taker.element("book-list").getText().contains("INVOICE_PAID"));
      taker.assertAccessible("book");
      taker.screenshot(shots, "book");

      maker.driver().findElement(By.cssSelector("nav button[data-show=mine]")).click();
      maker.awaitText("mine-list", "INVOICE_PAID", 30);
      maker.assertAccessible("mine");
      maker.screenshot(shots, "mine");

      maker.driver().findElement(By.cssSelector("nav button[data-show=wallet]")).click();
      maker.awaitText("wallet-balance", "Spendable", 30);
      maker.type("deposit-amount", "1000");
      maker.driver().findElement(By.cssSelector("#deposit-form button[type=submit]")).click();
      maker.awaitVisible("#deposit-qr img, #deposit-qr canvas", 30);
      maker.awaitText("deposit-state", "CREDITED", 60);
      maker.awaitText("wallet-balance", "1,000 sats", 30);
      maker.assertAccessible("wallet");
      maker.screenshot(shots, "wallet");

      maker.assertNoConsoleErrors();
      taker.assertNoConsoleErrors();
    }
  }
}

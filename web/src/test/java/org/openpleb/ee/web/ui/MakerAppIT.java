package org.openpleb.ee.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.cashu.crypto.Schnorr;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;
import org.openpleb.ee.session.ProofOfWork;
import org.openpleb.ee.web.contract.ContractCheck;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The makers' and takers' app in headless Chromium against Payara, PostgreSQL and a dev mint that
 * pays every invoice by itself five seconds after it is issued: a new maker makes a key, logs in by
 * signing the challenge, creates an offer from a bank QR code read from a picture and funds it by
 * Lightning, and sees it paid without a reload; a second browser profile sees the offer appear in
 * its live order book; both deposit by Lightning; the taker claims with the bond from the wallet
 * and uploads a receipt, the maker approves, and both balances change by the offer's amounts; a
 * token withdrawn by one is deposited by the other; the audit log's hash chain is verified in the
 * browser. A user who logs out and in again sees the old session's wallet as dormant and withdraws
 * from it; a session ended elsewhere logs the page out. A second trade, funded from the wallet
 * balance, goes to dispute and the admin resolves it in {@code /admin}, which also shows the
 * configuration and the treasury, from which the admin withdraws. Every page is screenshot under
 * target/screenshots/, checked by axe-core and must leave no error in the browser console.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class MakerAppIT {

  private static final HexFormat HEX = HexFormat.of();

  private static final String ADMIN_USER = ReconciledAtEnd.ADMIN_USER;
  private static final String ADMIN_PASSWORD = ReconciledAtEnd.ADMIN_PASSWORD;

  /** The deployment's dev mint (the deployment runs in this JVM, before the tests). */
  private static DevMint mint;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    // invoices are paid five seconds after they are issued: long enough to show the invoice
    mint =
        DevMint.start(
            DevMintConfig.defaults().withAutoPay(true).withPayDelay(Duration.ofSeconds(5)));
    DevMint started = mint;
    Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    return AppDeployment.of(
        "ui", mint, "OFFER_QUOTE_POLL_INTERVAL=200\n" + ReconciledAtEnd.adminSettings());
  }

  @ArquillianResource URL base;

  /**
   * The app's address as a user on this machine opens it: localhost (Arquillian may name a
   * non-loopback interface instead).
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

  /** How the app writes an amount of sats (the browser's en-US number format). */
  private static String sats(long amount) {
    return String.format(Locale.US, "%,d sats", amount);
  }

  /** The offer's public view, as anyone reads it. */
  private JsonNode publicOffer(String id) throws Exception {
    return getJson("api/offers/" + id, null);
  }

  /**
   * A GET of the API with a bearer token ({@code null}: none), checked against the contract; the
   * answer must be 200.
   */
  private JsonNode getJson(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpRequest built = request.build();
    HttpResponse<String> answer =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(built, HttpResponse.BodyHandlers.ofString());
    ContractCheck.verify(built, answer, answer.body());
    assertEquals(200, answer.statusCode(), answer::body);
    return new ObjectMapper().readTree(answer.body());
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
  void theBrowsersProofOfWorkMeetsTheServersCheck() throws Exception {
    try (Browser browser = Browser.start("pow")) {
      browser.open(app());
      browser.awaitText("stream", "open", 30);
      for (int bits : new int[] {1, 8, 14}) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String challenge = HEX.formatHex(random);
        // through the worker the login uses, under the page's content security policy
        Object nonce =
            browser.asyncScript(
                "const [challenge, bits, done] = arguments;"
                    + "import('/app/keys.js').then(k => k.proofOfWork(challenge, bits))"
                    + ".then(done, e => done('failed: ' + e));",
                challenge,
                bits);
        assertTrue(
            ProofOfWork.leadingZeroBits(challenge, (String) nonce) >= bits,
            bits + " bits: " + nonce);
      }
      browser.assertNoConsoleErrors();
    }
  }

  @Test
  void aSessionEndedElsewhereLogsThePageOut() throws Exception {
    try (Browser user = Browser.start("ended")) {
      user.open(app());
      user.awaitText("stream", "open", 30);
      logIn(user);
      String token = (String) user.script("return sessionStorage.getItem('openpleb.session');");
      HttpRequest logout =
          HttpRequest.newBuilder(URI.create(app() + "api/sessions/current"))
              .header("Authorization", "Bearer " + token)
              .DELETE()
              .build();
      HttpResponse<String> ended =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(logout, HttpResponse.BodyHandlers.ofString());
      assertEquals(204, ended.statusCode(), ended::body);

      // the stream ends with the session; its reconnection is refused, and the page knows
      user.awaitText("who", "Not logged in", 30);
      assertEquals(null, user.script("return sessionStorage.getItem('openpleb.session');"));
      user.awaitText("stream", "open", 30);
      // the only console entries: the browser's own lines for the 401s that told the page (the
      // stream's reconnection, and any call it had in flight with the ended session's token)
      for (String error : user.consoleErrors()) {
        assertTrue(error.contains("/api/") && error.contains("401"), error);
      }
    }
  }

  @Test
  void aDormantWalletOfTheSameKeyIsShownAndWithdrawnFrom() throws Exception {
    try (Browser user = Browser.start("dormant")) {
      user.open(app());
      user.awaitText("stream", "open", 30);
      logIn(user);
      deposit(user, 600);
      // logging out ends the session; its wallet, still holding the sats, becomes dormant
      section(user, "account");
      user.click("logout");
      user.awaitText("who", "Not logged in", 30);
      user.click("login");
      user.awaitText("who", "Logged in", 30);
      section(user, "wallet");
      user.awaitText("wallet-balance", "600 sats spendable", 30);
      user.assertAccessible("dormant");
      user.screenshot(screenshots(), "dormant");

      new Select(user.element("from-wallet")).selectByIndex(1);
      user.type("token-out-amount", "600");
      user.driver().findElement(By.cssSelector("#token-out-form button[type=submit]")).click();
      user.awaitVisible("#token-out-text", 30);
      String token = user.element("token-out-text").getAttribute("value");
      assertTrue(token.startsWith("cashu"), token);
      // the dormant wallet's figures follow (the API may list it emptied until it is cleaned up)
      new WebDriverWait(user.driver(), Duration.ofSeconds(30))
          .withMessage(
              () ->
                  "the dormant wallet still shows its 600 sats: "
                      + user.element("wallet-balance").getText())
          .until(
              driver -> !user.element("wallet-balance").getText().contains("600 sats spendable"));
      user.assertNoConsoleErrors();
    }
  }

  @Test
  void theBankQrCodeIsScannedWithTheCamera() throws Exception {
    Path shots = screenshots();
    String bankQr = "bank-qr-" + UUID.randomUUID();
    Path video;
    // a camera that films no QR code (Chromium's test pattern): started and stopped by keyboard,
    // turned off by leaving the form, and a refused permission or a missing camera said plainly
    try (Browser pattern = Browser.startWithCamera("camera-pattern", null)) {
      pattern.open(app());
      pattern.awaitText("stream", "open", 30);
      Path picture = qrPicture(pattern, bankQr);
      // the paper in four orientations, as a hand turns it: html5-qrcode's zxing misses some
      // well-formed codes in one orientation (about one in twelve) and reads them turned
      List<BufferedImage> turns = new java.util.ArrayList<>();
      turns.add(ImageIO.read(picture.toFile()));
      for (int i = 1; i < 4; i++) {
        turns.add(Browser.quarterTurn(turns.get(i - 1)));
      }
      video = Browser.y4m(turns, 640, 480, 3);
      Files.delete(picture);
      section(pattern, "sell");
      pattern.element("camera-start").sendKeys(Keys.ENTER);
      pattern.awaitText("camera-status", "Camera on", 30);
      awaitCamera(pattern, true);
      pattern.assertAccessible("camera");
      pattern.screenshot(shots, "camera");
      pattern.element("camera-stop").sendKeys(Keys.ENTER);
      pattern.awaitText("camera-status", "Camera stopped", 30);
      awaitCamera(pattern, false);
      assertEquals(null, pattern.element("camera-start").getAttribute("hidden"));

      pattern.element("camera-start").sendKeys(Keys.ENTER);
      pattern.awaitText("camera-status", "Camera on", 30);
      section(pattern, "book");
      awaitCamera(pattern, false);

      for (String[] refusal :
          new String[][] {
            {"NotAllowedError", "camera permission was refused"},
            {"NotFoundError", "No camera was found"}
          }) {
        pattern.script(
            "navigator.mediaDevices.getUserMedia ="
                + " () => Promise.reject(new DOMException('refused', arguments[0]));",
            refusal[0]);
        section(pattern, "sell");
        pattern.element("camera-start").sendKeys(Keys.ENTER);
        pattern.awaitText("camera-status", refusal[1], 30);
        assertTrue(pattern.element("offer-qr-camera").getAttribute("hidden") != null);
        assertTrue(pattern.element("camera-stop").getAttribute("hidden") != null);
      }
      pattern.assertAccessible("camera-refused");
      pattern.assertNoConsoleErrors();
    }

    // a camera that films the bank's QR code: the code fills the form and the camera turns off
    try (Browser maker = Browser.startWithCamera("camera", video)) {
      maker.open(app());
      maker.awaitText("stream", "open", 30);
      logIn(maker);
      section(maker, "sell");
      maker.type("offer-amount", "10000");
      maker.click("camera-start");
      new WebDriverWait(maker.driver(), Duration.ofSeconds(60))
          .withMessage(
              () ->
                  "the QR code read from the camera; status: "
                      + maker.element("camera-status").getText()
                      + "; error box: "
                      + maker.element("error").getText())
          .until(driver -> bankQr.equals(maker.element("offer-qr").getAttribute("value")));
      maker.awaitText("camera-status", "QR code read from the camera", 30);
      awaitCamera(maker, false);
      maker.driver().findElement(By.cssSelector("#offer-form button[type=submit]")).click();
      maker.awaitText("offer-details", "CREATED", 30);
      String offerId =
          maker
              .driver()
              .findElement(By.cssSelector("#mine-list li[data-offer]"))
              .getAttribute("data-offer");
      assertEquals(bankQr, partyOffer(maker, offerId).path("qrCode").asText());
      maker.assertNoConsoleErrors();
    } finally {
      Files.deleteIfExists(video);
    }
  }

  /** Waits until the camera's picture is playing ({@code on}) or gone with its stream stopped. */
  private static void awaitCamera(Browser user, boolean on) {
    new WebDriverWait(user.driver(), Duration.ofSeconds(30))
        .withMessage(
            () ->
                "camera "
                    + (on ? "never played" : "still on")
                    + "; status: "
                    + user.element("camera-status").getText())
        .until(
            driver ->
                on
                    == Boolean.TRUE.equals(
                        user.script(
                            "const v = document.querySelector('#offer-qr-camera video');"
                                + "return !!v && !!v.srcObject && v.readyState >= 2"
                                + " && v.srcObject.getVideoTracks().some("
                                + "t => t.readyState === 'live');")));
    if (!on) {
      assertEquals(
          0L,
          user.script("return document.querySelectorAll('#offer-qr-camera video').length;"),
          "the camera's picture is removed when it stops");
    }
  }

  /** An admin resource read with the admin page's token. */
  private JsonNode adminGet(Browser admin, String path) throws Exception {
    return getJson(path, (String) admin.script("return sessionStorage.getItem('openpleb.admin');"));
  }

  /** The offer as one of its parties reads it, with the browser's session token. */
  private JsonNode partyOffer(Browser party, String id) throws Exception {
    return getJson(
        "api/offers/" + id,
        (String) party.script("return sessionStorage.getItem('openpleb.session');"));
  }

  @Test
  void aLightningWithdrawalPaysAnInvoiceAndTheBalanceDropsByAmountAndFee() throws Exception {
    try (Browser user = Browser.start("lightning-out")) {
      user.open(app());
      user.awaitText("stream", "open", 30);
      logIn(user);
      deposit(user, 3000);
      // the fake node's route costs 3 sats of the reserve the mint holds back; the rest returns
      mint.control().setMeltActualFee(3);
      try {
        user.type("pay-out-invoice", mint.control().createInvoice(1200));
        user.driver().findElement(By.cssSelector("#pay-out-form button[type=submit]")).click();
        user.awaitText("pay-out-result", "PAID", 60);
      } finally {
        mint.control().setMeltActualFee(0);
      }
      String result = user.element("pay-out-result").getText();
      java.util.regex.Matcher figures =
          java.util.regex.Pattern.compile(
                  "PAID: ([0-9,]+) sats \\(fee ([0-9,]+) sats, change returned ([0-9,]+) sats\\)")
              .matcher(result);
      assertTrue(figures.matches(), result);
      long amount = Long.parseLong(figures.group(1).replace(",", ""));
      long fee = Long.parseLong(figures.group(2).replace(",", ""));
      assertEquals(1200, amount, result);
      assertEquals(3, fee, "the fee the server reports is what the route cost: " + result);
      // the balance shown drops by exactly the amount and the fee the server reported
      user.awaitText("wallet-balance", sats(3000 - amount - fee), 30);
      new WebDriverWait(user.driver(), Duration.ofSeconds(30))
          .withMessage(() -> "spendable: " + user.element("wallet-balance").getText())
          .until(
              driver ->
                  sats(3000 - 1200 - 3)
                      .equals(
                          user.driver()
                              .findElement(
                                  By.cssSelector("#wallet-balance dd[data-field=spendable]"))
                              .getText()));
      user.assertAccessible("lightning-withdrawal");
      user.screenshot(screenshots(), "lightning-withdrawal");
      user.assertNoConsoleErrors();
    }
  }

  @Test
  void aNewMakerFundsAnOfferByLightningAndATakerSeesItLive() throws Exception {
    Path shots = screenshots();
    try (Browser maker = Browser.start("maker");
        Browser taker = Browser.start("taker")) {
      taker.open(app());
      taker.awaitText("stream", "open", 30);
      logIn(taker);
      section(taker, "book");
      taker.awaitText("book-count", "offers waiting for a taker", 30);

      maker.open(app());
      maker.awaitText("stream", "open", 30);
      maker.assertAccessible("key");
      maker.screenshot(shots, "key");
      logIn(maker);
      maker.assertAccessible("key-logged-in");
      maker.screenshot(shots, "logged-in");

      section(maker, "sell");
      maker.type("offer-amount", "10000");
      // the bank's QR code as a picture (drawn by the app's own encoder), read by the app's reader
      String bankQr = "bank-qr-" + UUID.randomUUID();
      Path picture = qrPicture(maker, bankQr);
      maker.element("offer-qr-image").sendKeys(picture.toString());
      new WebDriverWait(maker.driver(), Duration.ofSeconds(30))
          .withMessage(
              () ->
                  "the QR code read from the picture; error box: "
                      + maker.element("error").getText())
          .until(driver -> bankQr.equals(maker.element("offer-qr").getAttribute("value")));
      Files.delete(picture);
      maker.driver().findElement(By.cssSelector("#offer-form button[type=submit]")).click();
      maker.awaitText("offer-details", "CREATED", 30);
      maker.assertAccessible("offer-created");
      maker.screenshot(shots, "offer-created");

      maker.click("fund-lightning");
      maker.awaitVisible("#offer-invoice-text", 30);
      String invoice = maker.element("offer-invoice-text").getAttribute("value");
      assertEquals(
          1L,
          maker.script("return document.querySelectorAll('#offer-invoice-qr canvas').length;"),
          "the invoice is drawn as a QR code");
      assertTrue(invoice.startsWith("lnbc"), invoice);
      maker.screenshot(shots, "offer-invoice");
      // paid by the mint five seconds later: the state changes on the page, which is not reloaded
      Object page = maker.script("return window.performance.timeOrigin;");
      maker.awaitText("offer-details", "INVOICE_PAID", 60);
      assertEquals(page, maker.script("return window.performance.timeOrigin;"), "no reload");
      maker.assertAccessible("offer-funded");
      maker.script("document.getElementById('offer-created').scrollIntoView();");
      maker.screenshot(shots, "offer-funded");

      // the taker's book, loaded before the offer existed, shows it from the event stream
      taker.awaitVisible("#book-list li", 60);
      assertTrue(taker.element("book-list").getText().contains("INVOICE_PAID"));
      taker.assertAccessible("book");
      taker.screenshot(shots, "book");

      section(maker, "mine");
      maker.awaitText("mine-list", "INVOICE_PAID", 30);
      maker.assertAccessible("mine");
      maker.screenshot(shots, "mine");

      deposit(maker, 1000);
      maker.assertAccessible("wallet");
      maker.screenshot(shots, "wallet");

      // the taker deposits for the bond, claims, pays and uploads the receipt; the maker approves
      String offerId =
          taker.driver().findElement(By.cssSelector("#book-list li")).getAttribute("data-offer");
      JsonNode offer = publicOffer(offerId);
      long bond = offer.path("bond").asLong();
      long deposit = bond + 1000;
      claimAndUploadReceipt(taker, offerId, deposit, shots);

      // the maker's list changes from the event stream: no reload, no click
      section(maker, "mine");
      maker.awaitVisible("#mine-list button[data-action=approve]", 30);
      maker.assertAccessible("receipt-submitted");
      maker.screenshot(shots, "receipt-submitted");
      maker.driver().findElement(By.cssSelector("#mine-list button[data-action=approve]")).click();
      maker.awaitText("mine-list", "COMPLETED", 30);
      taker.awaitText("mine-list", "COMPLETED", 30);
      taker.screenshot(shots, "completed");

      // both balances change: the maker gets the bond back, the taker the sats, fee and bond
      section(maker, "wallet");
      maker.awaitText("wallet-balance", sats(1000 + bond), 30);
      section(taker, "wallet");
      long takerGets = offer.path("sats").asLong() + offer.path("takerFee").asLong() + bond;
      long takerBalance = deposit - bond + takerGets;
      taker.awaitText("wallet-balance", sats(takerBalance), 30);
      taker.assertAccessible("wallet");
      taker.screenshot(shots, "wallet");

      // the audit log of the settled trade, its hash chain checked in the browser; a changed
      // entry is caught
      section(maker, "mine");
      // the settlement's own entry follows the approval: the log is asked for until it is there
      new WebDriverWait(maker.driver(), Duration.ofSeconds(30))
          .withMessage(() -> "no SETTLED entry: " + maker.element("mine-list").getText())
          .until(
              driver -> {
                maker
                    .driver()
                    .findElement(By.cssSelector("#mine-list button[data-action=audit]"))
                    .click();
                String text = maker.element("mine-list").getText();
                return text.contains("Hash chain verified in this browser")
                    && text.contains("SETTLED");
              });
      maker.assertAccessible("audit");
      maker.screenshot(shots, "audit");
      Object tampered =
          maker.asyncScript(
              "const [id, done] = arguments;"
                  + "const token = sessionStorage.getItem('openpleb.session');"
                  + "Promise.all([import('/app/audit.js'), fetch('/api/offers/' + id + '/audit',"
                  + " {headers: {Authorization: 'Bearer ' + token}}).then(r => r.json())])"
                  + ".then(([a, log]) => { const before = a.verifyChain(log).valid;"
                  + " log.entries[1].entry = log.entries[1].entry.replace('\"', '\" ');"
                  + " const after = a.verifyChain(log); done([before, after.valid, after.brokenAt]);"
                  + "}).catch(e => done([String(e)]));",
              offerId);
      assertEquals(List.of(true, false, 2L), tampered, "a changed second entry breaks the chain");

      // the maker withdraws 500 sats as a Cashu token and the taker deposits it
      section(maker, "wallet");
      maker.type("token-out-amount", "500");
      maker.driver().findElement(By.cssSelector("#token-out-form button[type=submit]")).click();
      maker.awaitVisible("#token-out-text", 30);
      String token = maker.element("token-out-text").getAttribute("value");
      assertTrue(token.startsWith("cashu"), token);
      maker.awaitText("wallet-balance", sats(1000 + bond - 500), 30);
      taker.type("token-in", token);
      taker.driver().findElement(By.cssSelector("#token-in-form button[type=submit]")).click();
      taker.awaitText("token-in-result", "Credited 500 sats", 30);
      taker.awaitText("wallet-balance", sats(takerBalance + 500), 30);

      maker.assertNoConsoleErrors();
      taker.assertNoConsoleErrors();
    }
  }

  @Test
  void aDisputedTradeIsResolvedByTheAdminInTheAdminApp() throws Exception {
    Path shots = screenshots();
    try (Browser maker = Browser.start("dispute-maker");
        Browser taker = Browser.start("dispute-taker");
        Browser admin = Browser.start("admin")) {
      maker.open(app());
      maker.awaitText("stream", "open", 30);
      logIn(maker);
      taker.open(app());
      taker.awaitText("stream", "open", 30);
      logIn(taker);

      // this maker funds from the wallet balance, deposited first
      deposit(maker, 20_000);
      section(maker, "sell");
      maker.type("offer-amount", "20000");
      maker.type("offer-qr", "bank-qr-" + UUID.randomUUID());
      maker.driver().findElement(By.cssSelector("#offer-form button[type=submit]")).click();
      maker.awaitText("offer-details", "CREATED", 30);
      maker.click("fund-balance");
      maker.awaitText("offer-details", "INVOICE_PAID", 30);
      String offerId =
          maker
              .driver()
              .findElement(By.cssSelector("#mine-list li[data-offer]"))
              .getAttribute("data-offer");
      long bond = publicOffer(offerId).path("bond").asLong();

      section(taker, "book");
      taker.awaitVisible("#book-list li[data-offer='" + offerId + "']", 60);
      claimAndUploadReceipt(taker, offerId, bond, null);

      section(maker, "mine");
      maker.awaitVisible("#mine-list button[data-action=issue]", 30);
      maker.driver().findElement(By.cssSelector("#mine-list textarea")).sendKeys("nothing arrived");
      maker.driver().findElement(By.cssSelector("#mine-list button[data-action=issue]")).click();
      maker.awaitText("mine-list", "MARKED_WITH_ISSUE", 30);

      taker.awaitVisible("#mine-list button[data-action=counter]", 30);
      taker.driver().findElement(By.cssSelector("#mine-list textarea")).sendKeys("I paid at noon");
      taker.driver().findElement(By.cssSelector("#mine-list button[data-action=counter]")).click();
      taker.awaitText("mine-list", "DISPUTED", 30);
      maker.awaitText("mine-list", "DISPUTED", 30);

      admin.open(app() + "admin/");
      admin.awaitVisible("#admin-user", 30);
      admin.assertAccessible("admin-login");
      admin.screenshot(shots, "login");
      admin.type("admin-user", ADMIN_USER);
      admin.type("admin-password", ADMIN_PASSWORD);
      admin.driver().findElement(By.cssSelector("#login-form button[type=submit]")).click();
      admin.awaitText("capacity-figures", "NORMAL", 30);
      // the history charts draw the three thresholds of each signal, as the server gives them
      JsonNode capacity = adminGet(admin, "api/admin/capacity");
      for (String chart : List.of("sessions-chart", "memory-chart")) {
        assertEquals(
            3L,
            admin.script(
                "return document.querySelectorAll('#' + arguments[0] + ' line[data-threshold]')"
                    + ".length;",
                chart),
            chart);
      }
      String sessionsText = admin.element("sessions-chart-text").getText();
      assertTrue(
          sessionsText.contains(
              "warning "
                  + capacity.path("sessions").path("warning").asLong()
                  + ", critical "
                  + capacity.path("sessions").path("critical").asLong()
                  + ", emergency "
                  + capacity.path("sessions").path("emergency").asLong()),
          sessionsText);
      String memoryText = admin.element("memory-chart-text").getText();
      assertTrue(
          memoryText.contains(
              "warning " + capacity.path("memoryThresholds").path("warning").asText()),
          memoryText);
      // open wallets as the server counts them (the maker's and the taker's at least), read again
      // until page and API agree: a sweep may open and close a handle between two reads
      long cacheSize = capacity.path("walletCacheSize").asLong();
      assertTrue(capacity.path("openWallets").asLong() >= 2, capacity::toString);
      new WebDriverWait(admin.driver(), Duration.ofSeconds(30))
          .until(
              driver -> {
                JsonNode now;
                try {
                  now = adminGet(admin, "api/admin/capacity");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return admin
                    .driver()
                    .findElement(By.cssSelector("#capacity-figures dd[data-field=wallets]"))
                    .getText()
                    .equals(
                        now.path("openWallets").asLong()
                            + " of "
                            + cacheSize
                            + " (WALLET_CACHE_SIZE)");
              });
      String card = "#dispute-list li[data-offer='" + offerId + "']";
      admin.awaitVisible(card + " img", 30);
      String words = admin.driver().findElement(By.cssSelector(card)).getText();
      assertTrue(words.contains("nothing arrived") && words.contains("I paid at noon"), words);
      admin.assertAccessible("admin-console");
      admin.screenshot(shots, "console");
      admin.script("document.getElementById('history-title').scrollIntoView();");
      admin.screenshot(shots, "capacity-history");
      admin.script(
          "arguments[0].scrollIntoView();", admin.driver().findElement(By.cssSelector(card)));
      admin.screenshot(shots, "dispute");
      admin.driver().findElement(By.cssSelector(card + " textarea")).sendKeys("no payment shown");
      admin
          .driver()
          .findElement(By.cssSelector(card + " button[data-resolution=MAKER_WINS]"))
          .click();
      admin.awaitText("disputes-count", "0 open disputes", 30);

      // the configuration at a glance, and the platform's share withdrawn from the treasury
      String configuration = admin.element("configuration-figures").getText();
      assertTrue(
          configuration.contains("currency") && configuration.contains("KRW"), configuration);
      new WebDriverWait(admin.driver(), Duration.ofSeconds(40))
          .withMessage("the treasury never held the platform's share")
          .until(
              driver ->
                  !admin
                      .driver()
                      .findElement(By.cssSelector("#treasury-figures dd[data-field=spendable]"))
                      .getText()
                      .startsWith("0 "));
      admin.type("treasury-amount", "1");
      admin.driver().findElement(By.cssSelector("#treasury-form button[type=submit]")).click();
      admin.awaitVisible("#treasury-token-text", 30);
      String token = admin.element("treasury-token-text").getAttribute("value");
      assertTrue(token.startsWith("cashu"), token);
      admin.awaitText("treasury-withdrawals", "1 sats", 30);
      admin.assertAccessible("admin-treasury");
      admin.screenshot(shots, "treasury");

      // both parties see the resolution from their event streams
      maker.awaitText("mine-list", "RESOLVED", 30);
      taker.awaitText("mine-list", "RESOLVED", 30);
      maker.assertAccessible("resolved");
      maker.screenshot(shots, "resolved");

      maker.assertNoConsoleErrors();
      taker.assertNoConsoleErrors();
      admin.assertNoConsoleErrors();
    }
  }

  /** A PNG file of a QR code of {@code text}, drawn in the page by the QR code library. */
  private static Path qrPicture(Browser browser, String text) throws Exception {
    String dataUrl =
        (String)
            browser.script(
                "const box = document.createElement('div');"
                    + "new window.QRCode(box, {text: arguments[0], width: 256, height: 256});"
                    // on white paper: the quiet zone around the code that readers look for
                    + "const paper = document.createElement('canvas');"
                    + "paper.width = 320; paper.height = 320;"
                    + "const pen = paper.getContext('2d');"
                    + "pen.fillStyle = '#fff'; pen.fillRect(0, 0, 320, 320);"
                    + "pen.drawImage(box.querySelector('canvas'), 32, 32);"
                    + "return paper.toDataURL('image/png');",
                text);
    Path file = Files.createTempFile("bank-qr", ".png");
    Files.write(
        file, java.util.Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1)));
    return file;
  }

  /** Makes a key in the browser and logs in with it. */
  private static void logIn(Browser user) {
    section(user, "account");
    user.click("generate-key");
    assertTrue(user.element("pubkey").getText().matches("[0-9a-f]{64}"));
    user.click("login");
    user.awaitText("who", "Logged in", 30);
  }

  private static void section(Browser user, String name) {
    user.driver().findElement(By.cssSelector("nav button[data-show=" + name + "]")).click();
  }

  /** Deposits sats by Lightning (the mint pays) and waits for the balance to show them. */
  private static void deposit(Browser user, long amount) {
    section(user, "wallet");
    user.awaitText("wallet-balance", "Spendable", 30);
    user.type("deposit-amount", Long.toString(amount));
    user.driver().findElement(By.cssSelector("#deposit-form button[type=submit]")).click();
    user.awaitVisible("#deposit-invoice", 30);
    assertEquals(
        1L,
        user.script("return document.querySelectorAll('#deposit-qr canvas').length;"),
        "the deposit invoice is drawn as a QR code");
    user.awaitText("deposit-state", "CREDITED", 60);
    user.awaitText("wallet-balance", sats(amount), 30);
  }

  /**
   * The taker deposits, claims the offer from the book, sees the claim's deadline (the server's)
   * count down and uploads a receipt image.
   */
  private void claimAndUploadReceipt(Browser taker, String offerId, long deposit, Path shots)
      throws Exception {
    deposit(taker, deposit);
    section(taker, "book");
    taker
        .awaitVisible("#book-list li[data-offer='" + offerId + "'] button[data-action=claim]", 30)
        .click();
    taker.awaitText("mine-list", "CLAIMED", 30);
    assertTrue(taker.element("mine-list").getText().contains("bank-qr-"), "the QR code to pay");
    // the deadline is the server's, counting down on the page
    String deadlineCss = "#mine-list li[data-offer='" + offerId + "'] dd[data-deadline]";
    String expiresAt = partyOffer(taker, offerId).path("expiresAt").asText();
    assertFalse(expiresAt.isEmpty(), "a claimed offer has a deadline");
    assertEquals(
        expiresAt,
        taker.driver().findElement(By.cssSelector(deadlineCss)).getAttribute("data-deadline"));
    String first = taker.driver().findElement(By.cssSelector(deadlineCss)).getText();
    assertTrue(first.matches(".* \\((\\d+:)?\\d+:\\d\\d left\\)"), first);
    new WebDriverWait(taker.driver(), Duration.ofSeconds(10))
        .withMessage("the deadline does not count down: " + first)
        .until(driver -> !first.equals(driver.findElement(By.cssSelector(deadlineCss)).getText()));
    if (shots != null) {
      taker.assertAccessible("claimed");
      taker.screenshot(shots, "claimed");
    }
    Path receipt = Files.createTempFile("receipt", ".png");
    // a receipt-like picture (paper, a header band, lines of grey), big enough to see in /admin
    BufferedImage picture = new BufferedImage(240, 150, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D pen = picture.createGraphics();
    try {
      pen.setColor(java.awt.Color.WHITE);
      pen.fillRect(0, 0, 240, 150);
      pen.setColor(new java.awt.Color(0x1d4ed8));
      pen.fillRect(0, 0, 240, 28);
      pen.setColor(java.awt.Color.GRAY);
      for (int line = 0; line < 5; line++) {
        pen.fillRect(16, 44 + line * 20, line % 2 == 0 ? 180 : 120, 8);
      }
    } finally {
      pen.dispose();
    }
    ImageIO.write(picture, "png", receipt.toFile());
    taker
        .driver()
        .findElement(By.cssSelector("#mine-list li[data-offer='" + offerId + "'] input[type=file]"))
        .sendKeys(receipt.toString());
    taker.driver().findElement(By.cssSelector("#mine-list button[data-action=receipt]")).click();
    taker.awaitText("mine-list", "RECEIPT_SUBMITTED", 30);
    Files.delete(receipt);
  }
}

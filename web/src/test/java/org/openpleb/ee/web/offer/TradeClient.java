package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.openpleb.cashu.crypto.Schnorr;
import org.openpleb.ee.admin.AdminPasswordHasher;
import org.openpleb.ee.session.LoginProof;
import org.openpleb.ee.web.ItAdmission;
import org.openpleb.ee.web.contract.ContractCheck;

/**
 * Makers, takers and the admin of the trade ITs, driving the API over HTTP: logins, offers, wallet
 * deposits, the test-support controls and problem+json checks. Client-side only: never added to a
 * test archive.
 */
final class TradeClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN_USER = "operator";
  static final String ADMIN_PASSWORD = "correct horse battery staple";

  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URL base;
  // HTTP/1.1: the client's h2c upgrade of requests with bodies stalls on Grizzly now and then
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  TradeClient(URL base) {
    this.base = base;
  }

  /** A fresh folder under the build directory for one deployment's wallet files. */
  static Path dataDir() {
    File target = new File(System.getProperty("war.file")).getAbsoluteFile().getParentFile();
    return target.toPath().resolve("it-trade").resolve(UUID.randomUUID().toString());
  }

  /**
   * The real ROOT.war plus the trade test support and {@code classes}, with the dev mint, a fixed
   * price of 150,000,000 KRW per bitcoin, admin credentials, this deployment's own wallet folder
   * and {@code settings} overriding the defaults through a higher-ordinal config file.
   */
  static WebArchive deployment(String mintUrl, Path data, String settings, Class<?>... classes) {
    String all =
        "config_ordinal=500\n"
            + "OPENPLEB_MINT_URL="
            + mintUrl
            + "\nOPENPLEB_CURRENCY=KRW\nOPENPLEB_PRICE_SOURCE=fixed\n"
            + "OPENPLEB_PRICE_FIXED=150000000\n"
            + "OPENPLEB_ADMIN_USER="
            + ADMIN_USER
            + "\nOPENPLEB_ADMIN_PASSWORD_HASH="
            + AdminPasswordHasher.hash(ADMIN_PASSWORD.toCharArray())
            + "\nWALLET_DIR="
            + data.resolve("wallets")
            + "\nOPENPLEB_MASTER_SEED_FILE="
            + data.resolve("master-seed")
            + "\nCAPACITY_MEMORY_SOURCE=test\nSESSION_LIMIT=1000\n"
            + "CAPACITY_SESSIONS_WARNING=800\nCAPACITY_SESSIONS_CRITICAL=900\n"
            + "CAPACITY_SESSIONS_EMERGENCY=950\n"
            + ItAdmission.RELAXED
            + settings;
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "trade-it-settings.jar")
            .addAsResource(new StringAsset(all), "META-INF/microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file")))
        .addClass(TradeTestSupport.class)
        .addClasses(classes)
        .addAsLibrary(config);
  }

  /** A user: a random secp256k1 secret key and its x-only public key (hex). */
  record User(byte[] secret, String pubkey) {
    static User random() {
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      return new User(secret, HEX.formatHex(Schnorr.publicKey(secret)));
    }

    String sign(String challenge) {
      byte[] aux = new byte[32];
      RANDOM.nextBytes(aux);
      return HEX.formatHex(Schnorr.sign(secret, LoginProof.message(challenge), aux));
    }
  }

  /** A logged-in user. */
  record Session(User user, String sessionId, String token) {
    String pubkey() {
      return user.pubkey();
    }
  }

  /** Logs {@code user} in. */
  Session login(User user) throws Exception {
    HttpResponse<String> challenge = post("api/sessions/challenge", null, null);
    assertEquals(200, challenge.statusCode(), challenge::body);
    String text = json(challenge).path("challenge").asText();
    ObjectNode body =
        JSON.createObjectNode()
            .put("pubkey", user.pubkey())
            .put("challenge", text)
            .put("signature", user.sign(text));
    HttpResponse<String> login = post("api/sessions", null, body.toString());
    assertEquals(201, login.statusCode(), login::body);
    JsonNode grant = json(login);
    return new Session(user, grant.path("sessionId").asText(), grant.path("token").asText());
  }

  /** Logs a new random user in. */
  Session login() throws Exception {
    return login(User.random());
  }

  /** Logs the admin in; returns the admin token. */
  String adminLogin() throws Exception {
    ObjectNode body =
        JSON.createObjectNode().put("user", ADMIN_USER).put("password", ADMIN_PASSWORD);
    HttpResponse<String> login = post("api/admin/sessions", null, body.toString());
    assertEquals(201, login.statusCode(), login::body);
    return json(login).path("token").asText();
  }

  /** Puts {@code sats} into the session's wallet as a token minted outside the platform. */
  void deposit(Session session, long sats, Books books) throws Exception {
    String token = TradeMint.get().token(sats);
    HttpResponse<String> in =
        post(
            "api/wallet/deposits/token",
            session.token(),
            JSON.createObjectNode().put("token", token).toString());
    assertEquals(200, in.statusCode(), in::body);
    books.deposited(sats);
  }

  /** The session's wallet as the API shows it. */
  JsonNode wallet(Session session) throws Exception {
    HttpResponse<String> wallet = get("api/wallet", session.token());
    assertEquals(200, wallet.statusCode(), wallet::body);
    return json(wallet);
  }

  /** Posts a new offer of {@code fiat} KRW with a fresh QR code; returns the raw answer. */
  HttpResponse<String> postOffer(Session maker, long fiat) throws Exception {
    return post(
        "api/offers",
        maker.token(),
        JSON.createObjectNode()
            .put("fiatAmount", fiat)
            .put("qrCode", "bank-qr-" + UUID.randomUUID())
            .toString());
  }

  /**
   * Creates an offer of {@code fiat} KRW; returns it as its maker sees it, after checking the 201
   * names its URL.
   */
  JsonNode createOffer(Session maker, long fiat) throws Exception {
    HttpResponse<String> created = postOffer(maker, fiat);
    assertEquals(201, created.statusCode(), created::body);
    JsonNode offer = json(created);
    assertEquals(
        base.toURI().resolve("api/offers/" + offer.path("id").asText()).toString(),
        created.headers().firstValue("Location").orElse(""),
        created::body);
    return offer;
  }

  /** Creates an offer and funds it with a posted token; returns its id. */
  String fundedOffer(Session maker, long fiat, Books books) throws Exception {
    JsonNode offer = createOffer(maker, fiat);
    String id = offer.path("id").asText();
    long funding = offer.path("funding").asLong();
    String token = TradeMint.get().token(funding);
    books.deposited(funding);
    HttpResponse<String> funded =
        post(
            "api/offers/" + id + "/funding",
            maker.token(),
            JSON.createObjectNode().put("source", "TOKEN").put("token", token).toString());
    assertEquals(200, funded.statusCode(), funded::body);
    assertEquals("INVOICE_PAID", json(funded).path("status").asText());
    return id;
  }

  /** Claims an offer with a bond from the taker's balance. */
  JsonNode claim(Session taker, String offerId) throws Exception {
    HttpResponse<String> claimed = post("api/offers/" + offerId + "/claim", taker.token(), "{}");
    assertEquals(200, claimed.statusCode(), claimed::body);
    return json(claimed);
  }

  /** Claims an offer posting {@code token} as the bond; returns the answer, whatever it is. */
  HttpResponse<String> claimWithBondToken(Session taker, String offerId, String token)
      throws Exception {
    return post(
        "api/offers/" + offerId + "/claim",
        taker.token(),
        JSON.createObjectNode().put("bondToken", token).toString());
  }

  /** Withdraws {@code sats} of the session's wallet as a Cashu token; returns the answer. */
  JsonNode withdrawToken(Session session, long sats) throws Exception {
    HttpResponse<String> out =
        post(
            "api/wallet/withdrawals/token",
            session.token(),
            JSON.createObjectNode().put("amount", sats).toString());
    assertEquals(200, out.statusCode(), out::body);
    return json(out);
  }

  /** The maker's verdict ({@code APPROVE} or {@code ISSUE}) on a receipt; returns the answer. */
  JsonNode feedback(Session maker, String offerId, String verdict, String words) throws Exception {
    HttpResponse<String> answer =
        post(
            "api/offers/" + offerId + "/feedback",
            maker.token(),
            JSON.createObjectNode().put("verdict", verdict).put("feedback", words).toString());
    assertEquals(200, answer.statusCode(), answer::body);
    return json(answer);
  }

  /** Posts a small PNG as the receipt. */
  HttpResponse<String> postReceipt(Session taker, String offerId) throws Exception {
    return postBytes("api/offers/" + offerId + "/receipt", taker.token(), "image/png", png(64));
  }

  /**
   * A real PNG (a small random picture, so two are never equal) padded with random bytes after its
   * end to {@code size} bytes when it is shorter.
   */
  static byte[] png(int size) {
    java.awt.image.BufferedImage picture =
        new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      picture.setRGB(x, 0, RANDOM.nextInt());
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(picture, "png", out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] image = out.toByteArray();
    byte[] bytes = java.util.Arrays.copyOf(image, Math.max(size, image.length));
    byte[] tail = new byte[bytes.length - image.length];
    RANDOM.nextBytes(tail);
    System.arraycopy(tail, 0, bytes, image.length, tail.length);
    return bytes;
  }

  /** The offer's status as a party or admin sees it. */
  String status(String offerId, String token) throws Exception {
    HttpResponse<String> offer = get("api/offers/" + offerId, token);
    assertEquals(200, offer.statusCode(), offer::body);
    return json(offer).path("status").asText();
  }

  /** Polls GET {@code path} until {@code done} holds, at most {@code timeout}. */
  JsonNode await(String path, String token, Predicate<JsonNode> done, Duration timeout)
      throws Exception {
    long until = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < until) {
      HttpResponse<String> response = get(path, token);
      if (response.statusCode() == 200) {
        last = json(response);
        if (done.test(last)) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("gave up waiting on " + path + "; last answer " + last);
  }

  /** Calls a trade test-support control and returns its JSON answer. */
  JsonNode support(String method, String pathAndQuery) throws Exception {
    HttpResponse<String> response =
        "POST".equals(method)
            ? post("api/trade-support/" + pathAndQuery, null, null)
            : get("api/trade-support/" + pathAndQuery, null);
    assertEquals(200, response.statusCode(), response::body);
    return json(response);
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder builder = request(path).GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return send(builder.build());
  }

  HttpResponse<byte[]> getBytes(String path, String token) throws Exception {
    HttpRequest.Builder builder = request(path).GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    HttpRequest request = builder.build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    // an image is not text; a problem answer instead of the image is checked as the JSON it is
    boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
    ContractCheck.verify(
        request,
        response,
        json ? new String(response.body(), java.nio.charset.StandardCharsets.UTF_8) : null);
    return response;
  }

  HttpResponse<String> post(String path, String token, String json) throws Exception {
    HttpRequest.Builder builder = request(path);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (json == null) {
      builder.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json));
    }
    return send(builder.build());
  }

  HttpResponse<String> post(String path, String token, String json, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder builder =
        request(path)
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", idempotencyKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(builder.build());
  }

  HttpResponse<String> postBytes(String path, String token, String contentType, byte[] body)
      throws Exception {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return send(builder.build());
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    ContractCheck.verify(request, response, response.body());
    return response;
  }

  private HttpRequest.Builder request(String path) throws Exception {
    URI uri = base.toURI().resolve(path);
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
  }

  /** Asserts a problem+json answer with {@code status} and {@code code}; returns the document. */
  static JsonNode assertProblem(HttpResponse<String> response, int status, String code)
      throws IOException {
    assertEquals(status, response.statusCode(), response::body);
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim(),
        response::body);
    JsonNode problem = JSON.readTree(response.body());
    assertEquals(code, problem.path("code").asText(), response::body);
    assertFalse(response.body().contains("Exception"), response::body);
    return problem;
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}

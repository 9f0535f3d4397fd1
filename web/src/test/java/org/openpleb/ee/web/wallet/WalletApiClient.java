package org.openpleb.ee.web.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
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
import org.openpleb.ee.web.custody.ReconciledAtEnd;

/**
 * A user of the wallet API as the wallet ITs drive it over HTTP: keys, signed logins, bearer calls
 * with and without an Idempotency-Key, balances, and the server's Prometheus figures. Client-side
 * only: never added to a test archive.
 */
final class WalletApiClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration CREDIT_WAIT = Duration.ofSeconds(30);

  /**
   * Whether answers are checked against the contract: always from the test JVM; not inside the
   * server, where {@code ForgedTokenIT} runs (to read the server's heap) without the contract check
   * and its validator in the test archive.
   */
  private static final boolean CONTRACT_CHECKED =
      onClassPath("org.openpleb.ee.web.contract.ContractCheck");

  private final URL base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  WalletApiClient(URL base) {
    this.base = base;
  }

  /** A fresh folder under the build directory for one deployment's wallet files and seed. */
  static Path dataDir() {
    File target = new File(System.getProperty("war.file")).getAbsoluteFile().getParentFile();
    return target.toPath().resolve("it-wallets").resolve(UUID.randomUUID().toString());
  }

  /**
   * The real ROOT.war plus {@code classes}, with {@code settings} overriding the EJB jar's defaults
   * through a higher-ordinal config file in a library of the archive.
   */
  static WebArchive deployment(String settings, Class<?>... classes) {
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "wallet-it-settings.jar")
            .addAsResource(
                new StringAsset(
                    "config_ordinal=500\n"
                        + ItAdmission.RELAXED
                        // the admin that runs the end-state reconciliation (ReconciledAtEnd)
                        + "OPENPLEB_ADMIN_USER="
                        + ReconciledAtEnd.ADMIN_USER
                        + "\nOPENPLEB_ADMIN_PASSWORD_HASH="
                        + AdminPasswordHasher.hash(ReconciledAtEnd.ADMIN_PASSWORD.toCharArray())
                        + "\n"
                        + settings),
                "META-INF/microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file")))
        .addClasses(classes)
        .addClass(ReconciledAtEnd.class)
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

  /** A logged-in session of {@code user}. */
  record Session(User user, String sessionId, String token) {}

  /** Logs {@code user} in with a fresh challenge; fails unless it works. */
  Session login(User user) throws Exception {
    HttpResponse<String> challenge = send(request("api/sessions/challenge").POST(none()).build());
    assertEquals(200, challenge.statusCode(), challenge::body);
    String text = JSON.readTree(challenge.body()).path("challenge").asText();
    String body =
        JSON.createObjectNode()
            .put("pubkey", user.pubkey())
            .put("challenge", text)
            .put("signature", user.sign(text))
            .toString();
    HttpResponse<String> login =
        send(
            request("api/sessions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertEquals(201, login.statusCode(), login::body);
    JsonNode grant = JSON.readTree(login.body());
    return new Session(user, grant.path("sessionId").asText(), grant.path("token").asText());
  }

  /** Logs a new random user in. */
  Session login() throws Exception {
    return login(User.random());
  }

  HttpResponse<String> get(String path, Session session) throws Exception {
    return send(authorized(request(path), session).GET().build());
  }

  HttpResponse<String> delete(String path, Session session) throws Exception {
    return send(authorized(request(path), session).DELETE().build());
  }

  HttpResponse<String> post(String path, Session session, String json) throws Exception {
    return post(path, session, json, null);
  }

  HttpResponse<String> post(String path, Session session, String json, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder builder =
        authorized(request(path), session)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return send(builder.build());
  }

  /** GET /api/wallet, which must answer 200. */
  JsonNode wallet(Session session) throws Exception {
    HttpResponse<String> response = get("api/wallet", session);
    assertEquals(200, response.statusCode(), response::body);
    return JSON.readTree(response.body());
  }

  /**
   * Deposits {@code sats} by Lightning (the dev mint pays its invoices at once) and waits, without
   * touching the deposit, until the server has credited it: GET /api/wallet reads the stored
   * balance only, so its change proves the server-side watcher did the work.
   *
   * @return the deposit as created
   */
  JsonNode fund(Session session, long sats) throws Exception {
    long before = wallet(session).path("spendable").asLong();
    HttpResponse<String> created =
        post("api/wallet/deposits/lightning", session, "{\"amount\":" + sats + "}");
    assertEquals(201, created.statusCode(), created::body);
    awaitWallet(session, w -> w.path("spendable").asLong() == before + sats);
    return JSON.readTree(created.body());
  }

  /** Polls GET /api/wallet until {@code condition} holds; fails after 30 s. */
  JsonNode awaitWallet(Session session, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + CREDIT_WAIT.toNanos();
    JsonNode wallet = wallet(session);
    while (!condition.test(wallet)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("wallet never reached the expected state: " + wallet);
      }
      Thread.sleep(100);
      wallet = wallet(session);
    }
    return wallet;
  }

  /**
   * The sum of the Prometheus samples of {@code name} whose labels include {@code labels}, or 0
   * when there is none.
   */
  double metric(String name, Map<String, String> labels) throws Exception {
    HttpResponse<String> response = send(request("/metrics?scope=application").GET().build());
    assertEquals(200, response.statusCode(), response::body);
    double sum = 0;
    for (String line : response.body().lines().toList()) {
      if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
        continue;
      }
      String labelText =
          line.indexOf('{') == name.length()
              ? line.substring(name.length(), line.indexOf('}'))
              : "";
      boolean matches =
          labels.entrySet().stream()
              .allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""));
      if (matches) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
      }
    }
    return sum;
  }

  double metric(String name) throws Exception {
    return metric(name, Map.of());
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

  private static HttpRequest.BodyPublisher none() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder builder, Session session) {
    return session == null ? builder : builder.header("Authorization", "Bearer " + session.token());
  }

  private HttpRequest.Builder request(String path) throws URISyntaxException {
    URI uri = base.toURI().resolve(path);
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (CONTRACT_CHECKED) {
      ContractCheck.verify(request, response, response.body());
    }
    return response;
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, WalletApiClient.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}

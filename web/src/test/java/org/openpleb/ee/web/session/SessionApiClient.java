package org.openpleb.ee.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.openpleb.cashu.crypto.Schnorr;
import org.openpleb.ee.session.LoginProof;
import org.openpleb.ee.session.ProofOfWork;
import org.openpleb.ee.web.ItAdmission;
import org.openpleb.ee.web.contract.ContractCheck;

/**
 * A user of the session API as the session ITs drive it over HTTP: keys, challenges, signed logins,
 * bearer calls and the test-support controls.
 */
final class SessionApiClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URL base;

  private final String forwardedFor;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  SessionApiClient(URL base) {
    this(base, null);
  }

  private SessionApiClient(URL base, String forwardedFor) {
    this.base = base;
    this.forwardedFor = forwardedFor;
  }

  /**
   * The same client speaking for {@code address}: every request carries it as {@code
   * X-Forwarded-For}, which the server believes only from a trusted proxy (the IT deployment that
   * trusts 127.0.0.1).
   */
  SessionApiClient from(String address) {
    return new SessionApiClient(base, address);
  }

  /**
   * The real ROOT.war plus the test-support classes, with {@code settings} overriding the EJB jar's
   * defaults through a higher-ordinal config file in a library of the archive.
   */
  static WebArchive deployment(String settings) {
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "it-settings.jar")
            .addAsResource(
                new StringAsset("config_ordinal=500\n" + ItAdmission.RELAXED + settings),
                "META-INF/microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new java.io.File(System.getProperty("war.file")))
        .addClasses(SessionTestSupport.class, SessionClosedRecorder.class)
        .addAsLibrary(config);
  }

  /** A user: a random secp256k1 secret key and its x-only public key. */
  record User(byte[] secret, String pubkey) {
    static User random() {
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      return new User(secret, HEX.formatHex(Schnorr.publicKey(secret)));
    }

    /** BIP-340 signature over SHA-256 of the challenge's UTF-8 text, as the protocol says. */
    String sign(String challenge) {
      byte[] aux = new byte[32];
      RANDOM.nextBytes(aux);
      return HEX.formatHex(Schnorr.sign(secret, LoginProof.message(challenge), aux));
    }
  }

  String challenge() throws Exception {
    HttpResponse<String> response = send(post("api/sessions/challenge", null).build());
    assertEquals(200, response.statusCode(), response::body);
    return json(response).path("challenge").asText();
  }

  HttpResponse<String> login(String pubkey, String challenge, String signature) throws Exception {
    return login(pubkey, challenge, signature, null);
  }

  HttpResponse<String> login(String pubkey, String challenge, String signature, String powNonce)
      throws Exception {
    ObjectNode body =
        JSON.createObjectNode()
            .put("pubkey", pubkey)
            .put("challenge", challenge)
            .put("signature", signature);
    if (powNonce != null) {
      body.put("powNonce", powNonce);
    }
    return send(post("api/sessions", body.toString()).build());
  }

  /** The raw answer of {@code POST /api/sessions/challenge}. */
  HttpResponse<String> challengeResponse() throws Exception {
    return send(post("api/sessions/challenge", null).build());
  }

  /** Logs {@code user} in with a fresh challenge and the proof of work that challenge asks for. */
  HttpResponse<String> loginWithWork(User user) throws Exception {
    HttpResponse<String> issued = challengeResponse();
    assertEquals(200, issued.statusCode(), issued::body);
    JsonNode challenge = json(issued);
    assertEquals("sha256-leading-zero-bits", challenge.path("pow").path("algorithm").asText());
    int difficulty = challenge.path("pow").path("difficulty").asInt();
    String text = challenge.path("challenge").asText();
    String nonce = difficulty == 0 ? null : ProofOfWork.solve(text, difficulty);
    return login(user.pubkey(), text, user.sign(text), nonce);
  }

  /** Logs {@code user} in with a fresh challenge. */
  HttpResponse<String> login(User user) throws Exception {
    String challenge = challenge();
    return login(user.pubkey(), challenge, user.sign(challenge));
  }

  /** Logs a new random user in and returns the token; fails unless the login succeeds. */
  JsonNode loginOk(User user) throws Exception {
    HttpResponse<String> response = login(user);
    assertEquals(201, response.statusCode(), response::body);
    return json(response);
  }

  HttpResponse<String> current(String token) throws Exception {
    return send(
        request("api/sessions/current").header("Authorization", "Bearer " + token).GET().build());
  }

  HttpResponse<String> logout(String token) throws Exception {
    return send(
        request("api/sessions/current")
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder builder = request(path).GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return send(builder.build());
  }

  HttpResponse<String> postJson(String path, String body) throws Exception {
    return send(post(path, body).build());
  }

  /** A JSON POST with {@code authorization} as the Authorization header (none when null). */
  HttpResponse<String> postJson(String path, String body, String authorization) throws Exception {
    HttpRequest.Builder builder = post(path, body);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return send(builder.build());
  }

  /** A GET with {@code authorization} as the Authorization header, verbatim. */
  HttpResponse<String> getWithAuthorization(String path, String authorization) throws Exception {
    return send(request(path).header("Authorization", authorization).GET().build());
  }

  HttpResponse<String> delete(String path, String token) throws Exception {
    return send(request(path).header("Authorization", "Bearer " + token).DELETE().build());
  }

  /** Calls a test-support control and returns its JSON answer. */
  JsonNode support(String method, String pathAndQuery) throws Exception {
    HttpRequest.Builder builder = request("api/test-support/" + pathAndQuery);
    HttpResponse<String> response =
        send(
            "POST".equals(method)
                ? builder.POST(HttpRequest.BodyPublishers.noBody()).build()
                : builder.GET().build());
    assertEquals(200, response.statusCode(), response::body);
    return json(response);
  }

  /** The value of the first Prometheus line of {@code series} (name and labels), or -1. */
  double metric(String series) throws Exception {
    HttpResponse<String> response = send(request("/metrics").GET().build());
    List<String> lines = response.body().lines().toList();
    return lines.stream()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElse(-1);
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
    assertEquals(status, problem.path("status").asInt());
    assertFalse(response.body().contains("Exception"), response::body);
    return problem;
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  static JsonNode check(HttpResponse<String> health, String name) throws IOException {
    JsonNode checks = JSON.readTree(health.body()).path("checks");
    return StreamSupport.stream(checks.spliterator(), false)
        .filter(c -> name.equals(c.path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health.body()));
  }

  private HttpRequest.Builder post(String path, String body) throws URISyntaxException {
    HttpRequest.Builder builder = request(path);
    if (body == null) {
      return builder.POST(HttpRequest.BodyPublishers.noBody());
    }
    return builder
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder request(String path) throws URISyntaxException {
    URI uri = base.toURI().resolve(path);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    return forwardedFor == null ? builder : builder.header("X-Forwarded-For", forwardedFor);
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    ContractCheck.verify(request, response, response.body());
    return response;
  }
}

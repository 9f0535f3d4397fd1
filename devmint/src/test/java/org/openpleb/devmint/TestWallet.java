package org.openpleb.devmint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.openpleb.devmint.crypto.Bdhke;
import org.openpleb.devmint.crypto.Dleq;
import org.openpleb.devmint.crypto.Secp256k1;

/**
 * A minimal Cashu wallet for the dev mint's own tests: it talks plain HTTP with hand-written JSON
 * (so the wire names are checked independently of the mint's records), blinds outputs, unblinds
 * signatures and checks the DLEQ proof of every one of them.
 */
public final class TestWallet {

  /** An HTTP answer. */
  public record Reply(int status, JsonNode body) {

    /** The NUT error code of a refusal. */
    public int code() {
      return body.path("code").asInt(-1);
    }
  }

  /** An output before the mint signed it: the wallet's secret, blinding factor and B_. */
  public record Output(long amount, String keysetId, String secret, BigInteger r, ECPoint b) {

    public ObjectNode toJson() {
      ObjectNode node = JSON.createObjectNode();
      node.put("amount", amount);
      node.put("id", keysetId);
      node.put("B_", Secp256k1.toHex(b));
      return node;
    }
  }

  /** A spendable proof. */
  public record Coin(long amount, String keysetId, String secret, String c) {

    public ObjectNode toJson() {
      ObjectNode node = JSON.createObjectNode();
      node.put("amount", amount);
      node.put("id", keysetId);
      node.put("secret", secret);
      node.put("C", c);
      return node;
    }

    /** The point Y that /v1/checkstate knows the proof by. */
    public String y() {
      return Secp256k1.toHex(Bdhke.secretToCurve(secret));
    }
  }

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String url;
  private final Map<String, Map<Long, ECPoint>> keysById = new HashMap<>();

  public TestWallet(String url) {
    this.url = url;
  }

  // ---- HTTP ----

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET(), Duration.ofSeconds(10));
  }

  public Reply post(String path, Object body) {
    return post(path, body, Duration.ofSeconds(10));
  }

  public Reply post(String path, Object body, Duration timeout) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(
          HttpRequest.newBuilder(URI.create(url + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(text)),
          timeout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Posts and lets transport failures (timeouts, dropped connections) surface. */
  public Reply postRaw(String path, Object body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()));
  }

  private static Reply send(HttpRequest.Builder builder, Duration timeout) {
    try {
      HttpResponse<String> response =
          HTTP.send(builder.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asserts a 200 answer and returns its body. */
  public static JsonNode ok(Reply reply) {
    assertEquals(200, reply.status(), () -> "expected 200 but got " + reply);
    return reply.body();
  }

  // ---- keys ----

  public String activeKeysetId() {
    for (JsonNode keyset : ok(get("/v1/keysets")).get("keysets")) {
      if (keyset.get("active").asBoolean()) {
        return keyset.get("id").asText();
      }
    }
    throw new AssertionError("no active keyset");
  }

  public String inactiveKeysetId() {
    for (JsonNode keyset : ok(get("/v1/keysets")).get("keysets")) {
      if (!keyset.get("active").asBoolean()) {
        return keyset.get("id").asText();
      }
    }
    throw new AssertionError("no inactive keyset");
  }

  public Map<Long, ECPoint> keys(String keysetId) {
    return keysById.computeIfAbsent(
        keysetId,
        id -> {
          JsonNode keyset = ok(get("/v1/keys/" + id)).get("keysets").get(0);
          Map<Long, ECPoint> keys = new HashMap<>();
          keyset
              .get("keys")
              .properties()
              .forEach(
                  e ->
                      keys.put(
                          Long.parseLong(e.getKey()),
                          Secp256k1.decodePoint(e.getValue().asText())));
          return keys;
        });
  }

  // ---- outputs ----

  public List<Output> outputs(String keysetId, long... amounts) {
    List<Output> outputs = new ArrayList<>();
    for (long amount : amounts) {
      byte[] secretBytes = new byte[32];
      RANDOM.nextBytes(secretBytes);
      String secret = Hex.toHexString(secretBytes);
      BigInteger r =
          new BigInteger(256, RANDOM).mod(Secp256k1.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      ECPoint b = Bdhke.secretToCurve(secret).add(Secp256k1.G.multiply(r)).normalize();
      outputs.add(new Output(amount, keysetId, secret, r, b));
    }
    return outputs;
  }

  /** Powers of two that add up to the amount, ascending. */
  public static long[] split(long amount) {
    List<Long> parts = new ArrayList<>();
    for (int bit = 0; bit < 63; bit++) {
      if ((amount & (1L << bit)) != 0) {
        parts.add(1L << bit);
      }
    }
    return parts.stream().mapToLong(Long::longValue).toArray();
  }

  public static ArrayNode json(List<?> items) {
    ArrayNode array = JSON.createArrayNode();
    for (Object item : items) {
      if (item instanceof Output o) {
        array.add(o.toJson());
      } else if (item instanceof Coin c) {
        array.add(c.toJson());
      } else {
        throw new IllegalArgumentException("not an output or a coin: " + item);
      }
    }
    return array;
  }

  /**
   * Unblinds signatures for outputs (same order), after checking amount, keyset and the DLEQ proof
   * of each.
   */
  public List<Coin> unblind(List<Output> outputs, JsonNode signatures) {
    assertEquals(outputs.size(), signatures.size(), "one signature per output");
    List<Coin> coins = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      Output output = outputs.get(i);
      JsonNode signature = signatures.get(i);
      long amount = signature.get("amount").asLong();
      String id = signature.get("id").asText();
      assertEquals(output.keysetId(), id);
      coins.add(unblindOne(output, id, amount, signature));
    }
    return coins;
  }

  /** Unblinds one signature whose amount the mint chose (NUT-08 change). */
  public Coin unblindOne(Output output, String keysetId, long amount, JsonNode signature) {
    ECPoint publicKey = keys(keysetId).get(amount);
    ECPoint blindSignature = Secp256k1.decodePoint(signature.get("C_").asText());
    JsonNode dleq = signature.get("dleq");
    assertTrue(dleq != null && dleq.has("e") && dleq.has("s"), "every signature carries a DLEQ");
    Dleq.Proof proof =
        new Dleq.Proof(
            Secp256k1.scalar(dleq.get("e").asText()), Secp256k1.scalar(dleq.get("s").asText()));
    assertTrue(Dleq.verify(publicKey, output.b(), blindSignature, proof), "DLEQ must verify");
    ECPoint c = blindSignature.subtract(publicKey.multiply(output.r())).normalize();
    return new Coin(amount, keysetId, output.secret(), Secp256k1.toHex(c));
  }

  // ---- flows ----

  /** Creates a mint quote (auto-paid by the default config) and returns its JSON. */
  public JsonNode mintQuote(long amount) {
    ObjectNode body = JSON.createObjectNode().put("amount", amount).put("unit", "sat");
    return ok(post("/v1/mint/quote/bolt11", body));
  }

  public ObjectNode mintBody(String quote, List<Output> outputs) {
    ObjectNode body = JSON.createObjectNode().put("quote", quote);
    body.set("outputs", json(outputs));
    return body;
  }

  /** Mints fresh coins for the amount on the active keyset. */
  public List<Coin> mint(long amount) {
    JsonNode quote = mintQuote(amount);
    List<Output> outputs = outputs(activeKeysetId(), split(amount));
    JsonNode reply = ok(post("/v1/mint/bolt11", mintBody(quote.get("quote").asText(), outputs)));
    return unblind(outputs, reply.get("signatures"));
  }

  public ObjectNode swapBody(List<Coin> inputs, List<Output> outputs) {
    ObjectNode body = JSON.createObjectNode();
    body.set("inputs", json(inputs));
    body.set("outputs", json(outputs));
    return body;
  }

  /** Swaps the coins into new ones of the given amounts on the active keyset. */
  public List<Coin> swap(List<Coin> inputs, long... amounts) {
    List<Output> outputs = outputs(activeKeysetId(), amounts);
    return unblind(outputs, ok(post("/v1/swap", swapBody(inputs, outputs))).get("signatures"));
  }

  /** NUT-07 states of the coins, in order. */
  public List<String> states(List<Coin> coins) {
    ArrayNode ys = JSON.createArrayNode();
    coins.forEach(c -> ys.add(c.y()));
    ObjectNode body = JSON.createObjectNode();
    body.set("Ys", ys);
    List<String> states = new ArrayList<>();
    JsonNode reply = ok(post("/v1/checkstate", body));
    for (int i = 0; i < coins.size(); i++) {
      JsonNode state = reply.get("states").get(i);
      assertEquals(coins.get(i).y(), state.get("Y").asText());
      states.add(state.get("state").asText());
    }
    return states;
  }

  public static long total(List<Coin> coins) {
    return coins.stream().mapToLong(Coin::amount).sum();
  }
}

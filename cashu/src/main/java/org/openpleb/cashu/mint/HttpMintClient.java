package org.openpleb.cashu.mint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.openpleb.cashu.CashuException;
import org.openpleb.cashu.crypto.KeysetIds;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.BlindedMessage;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.MintUrl;
import org.openpleb.cashu.model.Proof;

/**
 * The mint API over HTTP with {@code java.net.http}, checking every answer before handing it on.
 *
 * <p>Keysets are accepted only if their id recomputes from their keys; verified keysets are cached
 * by id (an id pins its keys, so the cache can never go stale). Signatures must match the requested
 * outputs in number, amount and keyset and carry a valid DLEQ proof ({@link Builder#requireDleq}).
 * Timeouts, connection failures and 5xx answers become {@link MintUnreachableException}, because
 * the mint may have committed the request before the answer was lost.
 */
public final class HttpMintClient implements MintClient {

  private static final String JSON = "application/json";

  private final String mintUrl;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final SignatureCheck signatures;
  private final Map<String, Keyset> verifiedKeysets = new ConcurrentHashMap<>();

  private HttpMintClient(Builder b) {
    this.mintUrl = normalizeUrl(b.mintUrl);
    this.requestTimeout = b.requestTimeout;
    this.http =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    this.signatures = new SignatureCheck(this::keyFor, b.requireDleq);
  }

  /** A client with default settings: 5 s to connect, 30 s per request, DLEQ required. */
  public static HttpMintClient create(String mintUrl) {
    return builder(mintUrl).build();
  }

  public static Builder builder(String mintUrl) {
    return new Builder(mintUrl);
  }

  /** A mint URL in canonical form; see {@link MintUrl#normalize(String)}. */
  public static String normalizeUrl(String url) {
    return MintUrl.normalize(url);
  }

  @Override
  public String mintUrl() {
    return mintUrl;
  }

  @Override
  public MintInfo info() {
    return MintJson.info(get("/v1/info"));
  }

  @Override
  public List<Keyset> keysets() {
    List<Keyset> list = new ArrayList<>();
    for (JsonNode k : MintJson.array(get("/v1/keysets"), "keysets")) {
      list.add(MintJson.keyset(k));
    }
    return list;
  }

  @Override
  public Keyset keys(String keysetId) {
    Keyset cached = verifiedKeysets.get(keysetId);
    if (cached != null) {
      return cached;
    }
    ArrayNode sets = MintJson.array(get("/v1/keys/" + encode(keysetId)), "keysets");
    for (JsonNode k : sets) {
      Keyset keyset = verified(k);
      if (keyset.id().equals(keysetId)) {
        return keyset;
      }
    }
    throw new MintProtocolException("Mint did not return the keys of keyset " + keysetId);
  }

  @Override
  public List<Keyset> activeKeys() {
    List<Keyset> list = new ArrayList<>();
    for (JsonNode k : MintJson.array(get("/v1/keys"), "keysets")) {
      list.add(verified(k));
    }
    return list;
  }

  private Keyset verified(JsonNode node) {
    Keyset keyset = MintJson.keyset(node);
    if (keyset.keys().isEmpty()) {
      throw new MintProtocolException("Keyset " + keyset.id() + " has no keys");
    }
    if (!KeysetIds.matches(keyset) && !MintJson.statesFee(node)) {
      // A V2 id hashes the input fee; mints that leave the fee out of /v1/keys state it in
      // /v1/keysets, so take it from there and try once more.
      for (Keyset summary : keysets()) {
        if (summary.id().equals(keyset.id())) {
          keyset =
              new Keyset(
                  keyset.id(),
                  keyset.unit(),
                  summary.active(),
                  summary.inputFeePpk(),
                  summary.finalExpiry() != null ? summary.finalExpiry() : keyset.finalExpiry(),
                  keyset.keys());
        }
      }
    }
    if (!KeysetIds.matches(keyset)) {
      throw new MintProtocolException("Keyset id " + keyset.id() + " does not match its keys");
    }
    verifiedKeysets.put(keyset.id(), keyset);
    return keyset;
  }

  private String keyFor(String keysetId, long amount) {
    Keyset keyset = keys(keysetId);
    String key = keyset.keys().get(BigInteger.valueOf(amount));
    if (key == null) {
      throw new MintProtocolException("Keyset " + keysetId + " has no key for amount " + amount);
    }
    return key;
  }

  @Override
  public MintQuoteResponse createMintQuote(long amount, String unit) {
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
    ObjectNode body = MintJson.object().put("amount", amount).put("unit", unit);
    MintQuoteResponse quote = MintJson.mintQuote(post("/v1/mint/quote/bolt11", body));
    if (quote.amount() != 0 && quote.amount() != amount) {
      throw new MintProtocolException("Mint quote is for a different amount than requested");
    }
    if (!unit.equals(quote.unit())) {
      throw new MintProtocolException("Mint quote is for a different unit than requested");
    }
    if ("sat".equals(unit)) {
      OptionalLong msat;
      try {
        msat = Bolt11.amountMsat(quote.request());
      } catch (CashuException e) {
        throw new MintProtocolException("Mint quote request is not a BOLT11 invoice", e);
      }
      if (msat.isEmpty() || msat.getAsLong() != Math.multiplyExact(amount, 1000L)) {
        throw new MintProtocolException("Mint quote invoice is for a different amount");
      }
    }
    return new MintQuoteResponse(
        quote.quote(), quote.request(), amount, quote.unit(), quote.state(), quote.expiry());
  }

  @Override
  public MintQuoteResponse mintQuote(String quoteId) {
    return MintJson.mintQuote(get("/v1/mint/quote/bolt11/" + encode(quoteId)));
  }

  @Override
  public List<BlindSignature> mint(String quoteId, List<BlindedMessage> outputs) {
    ObjectNode body = MintJson.object().put("quote", quoteId);
    body.set("outputs", MintJson.outputs(outputs));
    JsonNode answer = post("/v1/mint/bolt11", body);
    List<BlindSignature> sigs = MintJson.signatures(MintJson.array(answer, "signatures"));
    signatures.checkExact(outputs, sigs);
    return sigs;
  }

  @Override
  public List<BlindSignature> swap(List<Proof> inputs, List<BlindedMessage> outputs) {
    ObjectNode body = MintJson.object();
    body.set("inputs", MintJson.proofs(inputs));
    body.set("outputs", MintJson.outputs(outputs));
    JsonNode answer = post("/v1/swap", body);
    List<BlindSignature> sigs = MintJson.signatures(MintJson.array(answer, "signatures"));
    signatures.checkExact(outputs, sigs);
    return sigs;
  }

  @Override
  public List<ProofCheck> checkState(List<String> ys) {
    if (ys.isEmpty()) {
      return List.of();
    }
    ObjectNode body = MintJson.object();
    body.set("Ys", MintJson.strings(ys));
    List<ProofCheck> states = MintJson.states(post("/v1/checkstate", body));
    if (states.size() != ys.size()) {
      throw new MintProtocolException("Mint answered checkstate for a different number of proofs");
    }
    // The specification promises the order of the request; match by Y anyway to be safe.
    Map<String, ProofCheck> byY = new HashMap<>();
    for (ProofCheck c : states) {
      byY.put(c.y(), c);
    }
    List<ProofCheck> ordered = new ArrayList<>(ys.size());
    for (String y : ys) {
      ProofCheck c = byY.get(y);
      if (c == null) {
        throw new MintProtocolException("Mint answered checkstate for a proof not asked about");
      }
      ordered.add(c);
    }
    return ordered;
  }

  @Override
  public RestoreResult restore(List<BlindedMessage> outputs) {
    if (outputs.isEmpty()) {
      return new RestoreResult(List.of(), List.of());
    }
    ObjectNode body = MintJson.object();
    body.set("outputs", MintJson.outputs(outputs));
    JsonNode answer = post("/v1/restore", body);
    List<BlindedMessage> found = MintJson.blindedMessages(MintJson.array(answer, "outputs"));
    // Older mints named the signatures "promises"; newer ones "signatures".
    ArrayNode sigNode =
        answer.has("signatures")
            ? MintJson.array(answer, "signatures")
            : MintJson.array(answer, "promises");
    List<BlindSignature> sigs = MintJson.signatures(sigNode);
    signatures.checkRestored(outputs, found, sigs);
    return new RestoreResult(found, sigs);
  }

  @Override
  public MeltQuoteResponse createMeltQuote(String bolt11, String unit) {
    ObjectNode body = MintJson.object().put("request", bolt11).put("unit", unit);
    MeltQuoteResponse quote = MintJson.meltQuote(post("/v1/melt/quote/bolt11", body));
    OptionalLong invoiceSat = Bolt11.amountSat(bolt11);
    if ("sat".equals(unit) && invoiceSat.isPresent() && quote.amount() < invoiceSat.getAsLong()) {
      throw new MintProtocolException("Melt quote amount is below the invoice amount");
    }
    return quote;
  }

  @Override
  public MeltQuoteResponse meltQuote(String quoteId) {
    return MintJson.meltQuote(get("/v1/melt/quote/bolt11/" + encode(quoteId)));
  }

  @Override
  public MeltQuoteResponse melt(
      String quoteId, List<Proof> inputs, List<BlindedMessage> blankOutputs) {
    ObjectNode body = MintJson.object().put("quote", quoteId);
    body.set("inputs", MintJson.proofs(inputs));
    if (!blankOutputs.isEmpty()) {
      body.set("outputs", MintJson.outputs(blankOutputs));
    }
    MeltQuoteResponse answer = MintJson.meltQuote(post("/v1/melt/bolt11", body));
    signatures.checkChange(blankOutputs, answer.change());
    return answer;
  }

  private JsonNode get(String path) {
    HttpRequest request = request(path).GET().build();
    return send(request);
  }

  private JsonNode post(String path, JsonNode body) {
    HttpRequest request =
        request(path)
            .header("Content-Type", JSON)
            .POST(HttpRequest.BodyPublishers.ofString(MintJson.write(body)))
            .build();
    return send(request);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(mintUrl + path))
        .timeout(requestTimeout)
        .header("Accept", JSON);
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new MintUnreachableException(
          "Mint unreachable (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MintUnreachableException("Interrupted while waiting for the mint", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return MintJson.read(response.body());
    }
    if (status >= 500) {
      throw new MintUnreachableException("Mint answered HTTP " + status);
    }
    if (status >= 400) {
      throw rejection(status, response.body());
    }
    throw new MintProtocolException("Mint answered HTTP " + status);
  }

  private static MintException rejection(int status, String body) {
    int code = 0;
    String detail = null;
    try {
      JsonNode node = MintJson.MAPPER.readTree(body);
      if (node != null && node.isObject()) {
        code = node.path("code").asInt(0);
        JsonNode d = node.get("detail");
        detail = d == null || d.isNull() ? null : d.isTextual() ? d.asText() : d.toString();
      }
    } catch (IOException notJson) {
      detail = null;
    }
    return new MintException(code, detail, status);
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8);
  }

  /** Settings for an {@link HttpMintClient}. */
  public static final class Builder {
    private final String mintUrl;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private boolean requireDleq = true;
    private HttpClient httpClient;

    private Builder(String mintUrl) {
      this.mintUrl = mintUrl;
    }

    /** How long to wait for a TCP connection to the mint. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** How long to wait for the mint's answer to one request. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * Whether every blind signature must carry a NUT-12 DLEQ proof (default {@code true}). A DLEQ
     * proof that is present is always verified.
     */
    public Builder requireDleq(boolean require) {
      this.requireDleq = require;
      return this;
    }

    /** Use this HTTP client (e.g. one shared by many wallets) instead of a new one. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    public HttpMintClient build() {
      return new HttpMintClient(this);
    }
  }
}

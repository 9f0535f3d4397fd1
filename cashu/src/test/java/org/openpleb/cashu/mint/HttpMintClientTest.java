package org.openpleb.cashu.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.crypto.Bdhke;
import org.openpleb.cashu.crypto.KeysetIds;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.BlindedMessage;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;

class HttpMintClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  static DevMint mint;
  HttpMintClient client;

  @BeforeAll
  static void startMint() {
    mint = DevMint.start(DevMintConfig.defaults());
  }

  @AfterAll
  static void stopMint() {
    mint.close();
  }

  @BeforeEach
  void setUp() {
    mint.control().reset();
    mint.control().setAutoPay(true);
    client = fastClient(mint.url()).build();
  }

  private static HttpMintClient.Builder fastClient(String url) {
    return HttpMintClient.builder(url)
        .connectTimeout(Duration.ofSeconds(1))
        .requestTimeout(Duration.ofMillis(800));
  }

  /** Outputs with random secrets, as a throwaway wallet would make them. */
  private record Outputs(List<String> secrets, List<BigInteger> rs, List<BlindedMessage> messages) {
    static Outputs of(String keysetId, long... amounts) {
      List<String> secrets = new ArrayList<>();
      List<BigInteger> rs = new ArrayList<>();
      List<BlindedMessage> messages = new ArrayList<>();
      for (long a : amounts) {
        byte[] s = new byte[32];
        RANDOM.nextBytes(s);
        String secret = Secp256k1.hex(s);
        BigInteger r = Secp256k1.randomScalar(RANDOM);
        secrets.add(secret);
        rs.add(r);
        messages.add(
            new BlindedMessage(a, keysetId, Secp256k1.encode(Bdhke.blindMessage(secret, r))));
      }
      return new Outputs(secrets, rs, messages);
    }

    List<Proof> unblind(List<BlindSignature> sigs, Keyset keyset) {
      List<Proof> proofs = new ArrayList<>();
      for (int i = 0; i < sigs.size(); i++) {
        BlindSignature s = sigs.get(i);
        var key = Secp256k1.decodePoint(keyset.keys().get(BigInteger.valueOf(s.amount())));
        var c = Bdhke.unblind(Secp256k1.decodePoint(s.C_()), rs.get(i), key);
        proofs.add(new Proof(s.amount(), s.id(), secrets.get(i), Secp256k1.encode(c)));
      }
      return proofs;
    }
  }

  private Keyset activeKeyset(MintClient c) {
    return c.activeKeys().get(0);
  }

  private List<Proof> mintProofs(MintClient c, long... amounts) {
    long total = 0;
    for (long a : amounts) {
      total += a;
    }
    Keyset ks = activeKeyset(c);
    MintQuoteResponse quote = c.createMintQuote(total, "sat");
    Outputs out = Outputs.of(ks.id(), amounts);
    return out.unblind(c.mint(quote.quote(), out.messages()), ks);
  }

  @Test
  void readsInfoAndVerifiedKeysets() {
    MintInfo info = client.info();
    assertTrue(info.supports(4));
    assertTrue(info.supports(7));
    assertTrue(info.supports(9));
    assertTrue(info.supports(12));
    Keyset active = activeKeyset(client);
    assertTrue(KeysetIds.matches(active));
    assertTrue(client.keysets().stream().anyMatch(k -> k.id().equals(active.id()) && k.active()));
    assertSame(client.keys(active.id()), client.keys(active.id()), "verified keysets are cached");
  }

  @Test
  void stripsTrailingSlashesFromTheMintUrl() {
    assertEquals(mint.url(), HttpMintClient.create(mint.url() + "//").mintUrl());
    assertThrows(RuntimeException.class, () -> HttpMintClient.create("ftp://mint"));
  }

  @Test
  void mintsSwapsChecksAndRestores() {
    List<Proof> proofs = mintProofs(client, 1, 2, 8);
    List<String> ys = proofs.stream().map(p -> Bdhke.y(p.secret())).toList();
    assertTrue(client.checkState(ys).stream().allMatch(s -> s.status() == ProofStatus.UNSPENT));

    Outputs out = Outputs.of(activeKeyset(client).id(), 1, 2, 8);
    List<BlindSignature> sigs = client.swap(proofs, out.messages());
    assertEquals(3, sigs.size());
    assertTrue(client.checkState(ys).stream().allMatch(s -> s.status() == ProofStatus.SPENT));

    RestoreResult restored = client.restore(out.messages());
    assertEquals(3, restored.signatures().size());
    assertEquals(sigs.get(2).C_(), restored.signatures().get(2).C_());
  }

  @Test
  void mintRejectionsAreTypedByCode() {
    mint.control().setAutoPay(false);
    MintQuoteResponse quote = client.createMintQuote(8, "sat");
    assertEquals(MintQuoteState.UNPAID, quote.state());
    Outputs out = Outputs.of(activeKeyset(client).id(), 8);
    MintException notPaid =
        assertThrows(MintException.class, () -> client.mint(quote.quote(), out.messages()));
    assertEquals(MintError.QUOTE_NOT_PAID, notPaid.error());
    assertEquals(20001, notPaid.code());
    assertEquals(400, notPaid.httpStatus());

    mint.control().markQuotePaid(quote.quote());
    client.mint(quote.quote(), out.messages());
    MintException issued =
        assertThrows(
            MintException.class,
            () -> client.mint(quote.quote(), Outputs.of(activeKeyset(client).id(), 8).messages()));
    assertEquals(MintError.QUOTE_ALREADY_ISSUED, issued.error());
  }

  @Test
  void spendingTwiceIsRefusedAsAlreadySpent() {
    List<Proof> proofs = mintProofs(client, 4);
    String ks = activeKeyset(client).id();
    client.swap(proofs, Outputs.of(ks, 4).messages());
    MintException e =
        assertThrows(MintException.class, () -> client.swap(proofs, Outputs.of(ks, 4).messages()));
    assertEquals(MintError.PROOFS_ALREADY_SPENT, e.error());
  }

  @Test
  void signingTheSameOutputTwiceIsRefused() {
    List<Proof> first = mintProofs(client, 2);
    List<Proof> second = mintProofs(client, 2);
    Outputs out = Outputs.of(activeKeyset(client).id(), 2);
    client.swap(first, out.messages());
    MintException e = assertThrows(MintException.class, () -> client.swap(second, out.messages()));
    assertEquals(MintError.OUTPUTS_ALREADY_SIGNED, e.error());
  }

  @Test
  void serverFailuresAndTimeoutsAreAmbiguous() {
    mint.control().failNextRequests(1);
    assertThrows(MintUnreachableException.class, () -> client.keysets());
    assertFalse(client.keysets().isEmpty());

    List<Proof> proofs = mintProofs(client, 2);
    mint.control().commitNextThenTimeout(Duration.ofSeconds(3));
    Outputs out = Outputs.of(activeKeyset(client).id(), 2);
    assertThrows(MintUnreachableException.class, () -> client.swap(proofs, out.messages()));
    // the mint did commit: the outputs are restorable
    assertEquals(1, client.restore(out.messages()).signatures().size());

    List<Proof> more = mintProofs(client, 2);
    mint.control().commitNextThenDrop();
    assertThrows(
        MintUnreachableException.class,
        () -> client.swap(more, Outputs.of(activeKeyset(client).id(), 2).messages()));
  }

  @Test
  void anUnreachableMintIsAmbiguous() throws IOException {
    HttpServer closed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    int port = closed.getAddress().getPort();
    closed.stop(0);
    MintClient nowhere = fastClient("http://127.0.0.1:" + port).build();
    assertThrows(MintUnreachableException.class, nowhere::info);
  }

  @Test
  void refusesAQuoteForAnotherAmount() throws IOException {
    try (TamperingProxy proxy = new TamperingProxy(mint.url())) {
      MintClient viaProxy = fastClient(proxy.url()).build();
      proxy.rewrite("/v1/mint/quote", json(o -> o.put("amount", 9)));
      assertThrows(MintProtocolException.class, () -> viaProxy.createMintQuote(8, "sat"));
      String otherInvoice = mint.control().createInvoice(9);
      proxy.rewrite("/v1/mint/quote", json(o -> o.put("request", otherInvoice)));
      assertThrows(MintProtocolException.class, () -> viaProxy.createMintQuote(8, "sat"));
    }
  }

  @Test
  void refusesAKeysetWhoseIdDoesNotMatchItsKeys() throws IOException {
    try (TamperingProxy proxy = new TamperingProxy(mint.url())) {
      MintClient viaProxy = fastClient(proxy.url()).build();
      proxy.rewrite(
          "/v1/keys",
          json(
              o -> {
                ObjectNode keys = (ObjectNode) o.get("keysets").get(0).get("keys");
                String one = keys.get("1").asText();
                keys.put("1", keys.get("2").asText());
                keys.put("2", one);
              }));
      String id = activeKeyset(client).id();
      assertThrows(MintProtocolException.class, () -> viaProxy.keys(id));
      assertThrows(MintProtocolException.class, viaProxy::activeKeys);
    }
  }

  @Test
  void signaturesMustCarryAValidDleqProof() throws IOException {
    try (TamperingProxy proxy = new TamperingProxy(mint.url())) {
      MintClient strict = fastClient(proxy.url()).build();
      MintClient lenient = fastClient(proxy.url()).requireDleq(false).build();
      proxy.rewrite(
          "/v1/swap", json(o -> ((ObjectNode) o.get("signatures").get(0)).remove("dleq")));
      String ks = activeKeyset(client).id();
      List<Proof> a = mintProofs(client, 4);
      assertThrows(MintProtocolException.class, () -> strict.swap(a, Outputs.of(ks, 4).messages()));
      List<Proof> b = mintProofs(client, 4);
      assertEquals(1, lenient.swap(b, Outputs.of(ks, 4).messages()).size());

      proxy.rewrite(
          "/v1/swap",
          json(
              o -> {
                ObjectNode dleq = (ObjectNode) o.get("signatures").get(0).get("dleq");
                dleq.put("e", dleq.get("s").asText());
              }));
      List<Proof> c = mintProofs(client, 4);
      assertThrows(
          MintProtocolException.class, () -> lenient.swap(c, Outputs.of(ks, 4).messages()));
    }
  }

  @Test
  void aSignatureOffTheCurveIsRefusedAsSuchWithOrWithoutItsDleq() throws IOException {
    // x = 5 is no x coordinate on secp256k1
    String offCurve = "02" + "0".repeat(63) + "5";
    try (TamperingProxy proxy = new TamperingProxy(mint.url())) {
      MintClient strict = fastClient(proxy.url()).build();
      MintClient lenient = fastClient(proxy.url()).requireDleq(false).build();
      String ks = activeKeyset(client).id();
      proxy.rewrite(
          "/v1/swap", json(o -> ((ObjectNode) o.get("signatures").get(0)).put("C_", offCurve)));
      List<Proof> a = mintProofs(client, 4);
      MintProtocolException withDleq =
          assertThrows(
              MintProtocolException.class, () -> strict.swap(a, Outputs.of(ks, 4).messages()));
      assertEquals("Signature 0 is not a valid curve point", withDleq.getMessage());

      proxy.rewrite(
          "/v1/swap",
          json(
              o -> {
                ObjectNode sig = (ObjectNode) o.get("signatures").get(0);
                sig.remove("dleq");
                sig.put("C_", offCurve);
              }));
      List<Proof> b = mintProofs(client, 4);
      MintProtocolException withoutDleq =
          assertThrows(
              MintProtocolException.class, () -> lenient.swap(b, Outputs.of(ks, 4).messages()));
      assertEquals("Signature 0 is not a valid curve point", withoutDleq.getMessage());
    }
  }

  @Test
  void signaturesMustMatchTheRequestedOutputs() throws IOException {
    try (TamperingProxy proxy = new TamperingProxy(mint.url())) {
      MintClient viaProxy = fastClient(proxy.url()).build();
      String ks = activeKeyset(client).id();
      proxy.rewrite(
          "/v1/swap", json(o -> ((ObjectNode) o.get("signatures").get(0)).put("amount", 2)));
      List<Proof> a = mintProofs(client, 4);
      assertThrows(
          MintProtocolException.class, () -> viaProxy.swap(a, Outputs.of(ks, 4).messages()));
      proxy.rewrite(
          "/v1/swap",
          json(
              o ->
                  ((com.fasterxml.jackson.databind.node.ArrayNode) o.get("signatures")).remove(0)));
      List<Proof> b = mintProofs(client, 2, 2);
      assertThrows(
          MintProtocolException.class, () -> viaProxy.swap(b, Outputs.of(ks, 2, 2).messages()));
    }
  }

  @Test
  void restoreAcceptsTheLegacyPromisesField() throws IOException {
    try (TamperingProxy proxy = new TamperingProxy(mint.url())) {
      MintClient viaProxy = fastClient(proxy.url()).build();
      proxy.rewrite("/v1/restore", json(o -> o.set("promises", o.remove("signatures"))));
      String ks = activeKeyset(client).id();
      Outputs out = Outputs.of(ks, 1, 4);
      client.swap(mintProofs(client, 1, 4), out.messages());
      RestoreResult restored = viaProxy.restore(out.messages());
      assertEquals(2, restored.signatures().size());
      assertEquals(out.messages().get(1).B_(), restored.outputs().get(1).B_());
    }
  }

  @Test
  void acceptsDenominationsBeyondALongAndRejectsMalformedKeys() throws IOException {
    TreeMap<BigInteger, String> keys = new TreeMap<>();
    keys.put(BigInteger.ONE, "03a40f20667ed53513075dc51e715ff2046cad64eb68960632269ba7f0210e38bc");
    keys.put(BigInteger.TWO, "03fd4ce5a16b65576145949e6f99f445f8249fee17c606b688b504a849cdc452de");
    keys.put(
        new BigInteger("9223372036854775808"),
        "02648eccfa4c026960966276fa5a4cae46ce0fd432211a4f449bf84f13aa5f8303");
    String id = KeysetIds.v1(keys);
    StringBuilder body =
        new StringBuilder("{\"keysets\":[{\"id\":\"" + id + "\",\"unit\":\"sat\",\"keys\":{");
    keys.forEach((a, k) -> body.append('"').append(a).append("\":\"").append(k).append("\","));
    body.setLength(body.length() - 1);
    body.append("}}]}");
    try (StubMint stub = new StubMint(body.toString())) {
      Keyset k = fastClient(stub.url()).build().keys(id);
      assertEquals(3, k.keys().size());
      assertTrue(k.keys().containsKey(new BigInteger("9223372036854775808")));
    }
    String shortKey =
        body.toString()
            .replace(
                "03a40f20667ed53513075dc51e715ff2046cad64eb68960632269ba7f0210e38bc",
                "03a40f20667ed53513075dc51e715ff2046cad64eb68960632269ba7f0210e38");
    try (StubMint stub = new StubMint(shortKey)) {
      assertThrows(MintProtocolException.class, () -> fastClient(stub.url()).build().keys(id));
    }
  }

  /** A mint that answers every request with one canned body. */
  private static final class StubMint implements AutoCloseable {
    private final HttpServer server;

    StubMint(String body) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(bytes);
            }
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static UnaryOperator<String> json(java.util.function.Consumer<ObjectNode> edit) {
    return body -> {
      try {
        JsonNode node = JSON.readTree(body);
        edit.accept((ObjectNode) node);
        return JSON.writeValueAsString(node);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  @Test
  void mintUrlsCompareSchemeAndHostCaseInsensitively() {
    assertEquals(
        "http://mint.example:3338/Cashu",
        HttpMintClient.normalizeUrl(" HTTP://Mint.EXAMPLE:3338/Cashu/ "));
    assertEquals("https://mint.example", HttpMintClient.normalizeUrl("HtTpS://MINT.example"));
    assertEquals(
        "https://User@mint.example", HttpMintClient.normalizeUrl("https://User@MINT.example"));
    assertThrows(RuntimeException.class, () -> HttpMintClient.normalizeUrl("FTP://mint"));
    assertThrows(RuntimeException.class, () -> HttpMintClient.normalizeUrl("mint.example"));
  }
}

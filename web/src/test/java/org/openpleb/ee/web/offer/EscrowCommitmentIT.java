package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.assertProblem;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.client.escrow.BackingProof;
import org.openpleb.client.escrow.EscrowCheck;
import org.openpleb.client.escrow.EscrowCommitment;
import org.openpleb.client.escrow.EscrowHold;
import org.openpleb.client.escrow.EscrowProof;
import org.openpleb.client.escrow.EscrowProofException;
import org.openpleb.client.escrow.EscrowProofVerifier;
import org.openpleb.client.escrow.HoldKind;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;

/**
 * The escrow a party can verify (#14, acceptance 4), on Payara against PostgreSQL and the dev mint:
 * a funded and claimed offer's maker and taker each fetch the offer's escrow proof and check it
 * with the client module's {@link EscrowProofVerifier} (root recomputed from the leaves and
 * branches, sums, the published commitment, and NUT-07 at the mint: every backing proof UNSPENT); a
 * third user is refused; once the trade settled the offer is in no later commitment and its old
 * proofs are spent at the mint. Every answer passes the contract check.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class EscrowCommitmentIT {

  /** The worked example: 100,000 KRW is a funding of 76,035 sats and a bond of 7,167. */
  private static final long FIAT = 100_000;

  private static final long F = 76_035;
  private static final long B = 7_167;

  private static final Books BOOKS = new Books();

  private static volatile String mintUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    mintUrl = TradeMint.start(data);
    // the reconciliation publishes a commitment per run, every RECONCILIATION_INTERVAL (10 min
    // by default, longer than this class runs): the test publishes its own
    return TradeClient.deployment(mintUrl, data, "", EscrowTestSupport.class);
  }

  @ArquillianResource URL base;

  private final Jsonb jsonb = JsonbBuilder.create();

  private TradeClient api() {
    return new TradeClient(base);
  }

  @AfterEach
  void sumsStillAddUp() throws Exception {
    BOOKS.check(api());
  }

  @Test
  void bothPartiesVerifyTheirOffersEscrowAtTheMintUntilItSettles() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    Session taker = api.login();
    Session stranger = api.login();
    String id = api.fundedOffer(maker, FIAT, BOOKS);
    api.deposit(taker, B, BOOKS);
    api.claim(taker, id);
    publish(api);
    EscrowProofVerifier verifier = EscrowProofVerifier.forMint(URI.create(mintUrl));

    Verified byMaker = fetchAndVerify(api, maker, id, verifier);
    Verified byTaker = fetchAndVerify(api, taker, id, verifier);

    for (Verified seen : List.of(byMaker, byTaker)) {
      EscrowProof proof = seen.proof();
      assertEquals(id, proof.offerId());
      assertEquals(
          List.of(HoldKind.ESCROW, HoldKind.BOND),
          proof.holds().stream().map(EscrowHold::kind).toList());
      assertEquals(F, proof.holds().get(0).amount(), "the escrow holds the whole funding");
      assertEquals(B, proof.holds().get(1).amount(), "the bond holds the whole bond");
      assertEquals(F + B, seen.check().heldSats());
      assertEquals(ys(proof).size(), seen.check().proofsChecked());
      assertTrue(seen.check().proofsChecked() >= 2, seen::toString);
      assertTrue(proof.commitment().totalSats() >= F + B, proof::toString);
      assertTrue(proof.algorithm().startsWith("leaf = sha256(0x00 || salt[32]"), proof::algorithm);
    }
    assertEquals(ys(byMaker.proof()), ys(byTaker.proof()), "both parties see the same leaves");
    assertEquals(Set.copyOf(ys(byMaker.proof())), reservedYs(api, id), "the wallets' own proofs");

    // nobody else gets the branch, with or without a session
    assertProblem(api.get(proofPath(id), stranger.token()), 403, "FORBIDDEN");
    assertProblem(api.get(proofPath(id), null), 401, "UNAUTHORIZED");
    assertProblem(
        api.get(proofPath("00000000-0000-0000-0000-000000000000"), maker.token()),
        404,
        "NOT_FOUND");

    // the trade settles: the escrow and the bond leave their holds
    assertEquals(201, api.postReceipt(taker, id).statusCode());
    JsonNode done = api.feedback(maker, id, "APPROVE", "arrived");
    assertEquals("DONE", done.path("settlement").path("state").asText(), done::toString);
    JsonNode next = publish(api);

    EscrowProof after = proof(api, maker, id);
    assertEquals(next.path("commitmentId").asText(), after.commitment().commitmentId());
    assertNotEquals(byMaker.proof().commitment().commitmentId(), after.commitment().commitmentId());
    assertEquals(List.of(), after.holds(), "a settled offer is in no later commitment");
    assertEquals(List.of(), proof(api, taker, id).holds());
    EscrowProofException gone =
        assertThrows(
            EscrowProofException.class,
            () -> EscrowProofVerifier.verifyBranches(after, latest(api)));
    assertTrue(gone.getMessage().contains("holds nothing"), gone::getMessage);
    // the old branch still adds up, but the mint now reports its proofs spent
    EscrowProofException spent =
        assertThrows(
            EscrowProofException.class,
            () -> verifier.verify(byMaker.proof(), byMaker.proof().commitment()));
    assertTrue(spent.getMessage().contains("as SPENT"), spent::getMessage);
  }

  @Test
  void theLatestCommitmentIsPublicAndCountsWhatIsHeld() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    String id = api.fundedOffer(maker, FIAT, BOOKS);
    JsonNode published = publish(api);

    EscrowCommitment latest = latest(api);

    assertEquals(published.path("commitmentId").asText(), latest.commitmentId());
    assertEquals(published.path("rootHash").asText(), latest.rootHash());
    assertEquals(published.path("totalSats").asLong(), latest.totalSats());
    assertEquals(published.path("leafCount").asInt(), latest.leafCount());
    assertTrue(latest.totalSats() >= F && latest.leafCount() >= 1, latest::toString);
    EscrowProof proof = proof(api, maker, id);
    assertEquals(List.of(HoldKind.ESCROW), proof.holds().stream().map(EscrowHold::kind).toList());
    assertEquals(F, EscrowProofVerifier.verifyBranches(proof, latest).heldSats());
  }

  /** A proof and what the verifier made of it. */
  private record Verified(EscrowProof proof, EscrowCheck check) {}

  /**
   * Fetches the party's proof and the latest commitment and verifies the one against the other and
   * the mint; fetches again should a newer commitment have come between the two reads.
   */
  private Verified fetchAndVerify(
      TradeClient api, Session party, String id, EscrowProofVerifier verifier) throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      EscrowProof proof = proof(api, party, id);
      EscrowCommitment latest = latest(api);
      if (latest.commitmentId().equals(proof.commitment().commitmentId())) {
        return new Verified(proof, verifier.verify(proof, latest));
      }
    }
    throw new AssertionError("the commitment kept changing");
  }

  private EscrowProof proof(TradeClient api, Session party, String id) throws Exception {
    HttpResponse<String> answer = api.get(proofPath(id), party.token());
    assertEquals(200, answer.statusCode(), answer::body);
    return jsonb.fromJson(answer.body(), EscrowProof.class);
  }

  private EscrowCommitment latest(TradeClient api) throws Exception {
    HttpResponse<String> answer = api.get("api/escrow/commitment", null);
    assertEquals(200, answer.statusCode(), answer::body);
    return jsonb.fromJson(answer.body(), EscrowCommitment.class);
  }

  private static JsonNode publish(TradeClient api) throws Exception {
    HttpResponse<String> published = api.post("api/test-support/escrow/commitments", null, null);
    assertEquals(200, published.statusCode(), published::body);
    return json(published);
  }

  private static String proofPath(String id) {
    return "api/offers/" + id + "/escrow-proof";
  }

  private static List<String> ys(EscrowProof proof) {
    return proof.holds().stream()
        .flatMap(hold -> hold.proofs().stream())
        .map(BackingProof::y)
        .toList();
  }

  /** The Y of every proof the wallet files hold reserved for the offer's two holds. */
  private static Set<String> reservedYs(TradeClient api, String id) throws Exception {
    HttpResponse<String> answer = api.get("api/test-support/escrow/reserved?offer=" + id, null);
    assertEquals(200, answer.statusCode(), answer::body);
    Set<String> ys = new HashSet<>();
    json(answer).forEach(y -> ys.add(y.asText()));
    return ys;
  }
}

package org.openpleb.client.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.client.CannedServer;
import org.openpleb.client.CannedServer.Answer;
import org.openpleb.client.OpenPlebClient;
import org.openpleb.client.session.Bearer;

/**
 * The party's check of an escrow proof on a three-leaf tree whose hashes were computed apart from
 * any code of this project (Python's hashlib following the documented layout): leaves A (offer-a
 * ESCROW, 64 + 8 sats), B (offer-a BOND, 16) and C (offer-c ESCROW, 1024 + 2), root =
 * parent(parent(A, B), C). Every tampering with a sibling, a sum, an amount, a salt or the
 * commitment fails, and so does a proof the mint does not report unspent.
 */
class EscrowProofVerifierTest {

  private static final String Y1 = "02" + "11".repeat(32);
  private static final String Y2 = "03" + "22".repeat(32);
  private static final String Y3 = "02" + "33".repeat(32);

  private static final String A =
      "7bd62155bd0e84582edb34497fe2c33e05fea4f3ece18f4ca446a4928db45a33";
  private static final String B =
      "b4ee74837ad5151b5020bd14dcfe907f9f4103b97211acbfb8d71aacf9bae412";
  private static final String C =
      "2c6a10d4b394de3f4e0c8f285e5c5bddea8a8edcdd07b88d37264b6728420fc9";
  private static final String ROOT =
      "17a5c35bcebcaf9e6e8b8cbd305a2d073794a08dbec3b2034712ae1b66b15eda";

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T10:00:00Z");
  private static final EscrowCommitment PUBLISHED = new EscrowCommitment("c-1", ROOT, 1114, 3, AT);

  private static final EscrowHold ESCROW =
      new EscrowHold(
          HoldKind.ESCROW,
          72,
          "aa".repeat(32),
          List.of(new BackingProof(Y1, 64), new BackingProof(Y2, 8)),
          A,
          List.of(
              new BranchStep(BranchSide.RIGHT, B, 16), new BranchStep(BranchSide.RIGHT, C, 1026)));
  private static final EscrowHold BOND =
      new EscrowHold(
          HoldKind.BOND,
          16,
          "bb".repeat(32),
          List.of(new BackingProof(Y3, 16)),
          B,
          List.of(
              new BranchStep(BranchSide.LEFT, A, 72), new BranchStep(BranchSide.RIGHT, C, 1026)));

  private static final MintStates ALL_UNSPENT =
      ys -> {
        Map<String, String> states = new HashMap<>();
        ys.forEach(y -> states.put(y, "UNSPENT"));
        return states;
      };

  private final List<CannedServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(CannedServer::close);
  }

  private static EscrowProof proof(EscrowHold... holds) {
    return new EscrowProof("offer-a", "rules", PUBLISHED, List.of(holds));
  }

  @Test
  void theMakersAndTakersBranchesLeadToThePublishedRoot() {
    EscrowCheck check = new EscrowProofVerifier(ALL_UNSPENT).verify(proof(ESCROW, BOND), PUBLISHED);

    assertEquals(new EscrowCheck("offer-a", "c-1", ROOT, 88, 3), check);
    assertEquals(72, EscrowProofVerifier.verifyBranches(proof(ESCROW), PUBLISHED).heldSats());
  }

  @Test
  void aOneLeafTreeIsItsOwnRoot() {
    EscrowHold alone =
        new EscrowHold(ESCROW.kind(), 72, ESCROW.salt(), ESCROW.proofs(), A, List.of());

    EscrowCommitment single = new EscrowCommitment("c-2", A, 72, 1, AT);

    EscrowCheck check =
        EscrowProofVerifier.verifyBranches(
            new EscrowProof("offer-a", "rules", single, List.of(alone)), single);

    assertEquals(72, check.heldSats());
  }

  @Test
  void theCarriedOddLeafHasOneStep() {
    EscrowHold carried =
        new EscrowHold(
            HoldKind.ESCROW,
            1026,
            "cc".repeat(32),
            List.of(new BackingProof(Y2, 1024), new BackingProof(Y1, 2)),
            C,
            List.of(
                new BranchStep(
                    BranchSide.LEFT,
                    "a5c8c68020e598a1399147eb51678d6ac6dd0ff38d45489b43c03c16c62bdfab",
                    88)));

    EscrowCheck check =
        EscrowProofVerifier.verifyBranches(
            new EscrowProof("offer-c", "rules", PUBLISHED, List.of(carried)), PUBLISHED);

    assertEquals(1026, check.heldSats());
  }

  @Test
  void aTamperedSiblingHashSumOrSideFails() {
    List<EscrowHold> forged =
        List.of(
            withBranch(
                ESCROW, step(BranchSide.RIGHT, C.replace('2', '3'), 16), ESCROW.branch().get(1)),
            withBranch(ESCROW, step(BranchSide.RIGHT, B, 15), ESCROW.branch().get(1)),
            withBranch(ESCROW, step(BranchSide.RIGHT, B, 16), step(BranchSide.RIGHT, C, 1027)),
            withBranch(ESCROW, step(BranchSide.LEFT, B, 16), ESCROW.branch().get(1)),
            withBranch(ESCROW, step(BranchSide.RIGHT, B, -1), ESCROW.branch().get(1)),
            withBranch(ESCROW, ESCROW.branch().get(0)));
    for (EscrowHold hold : forged) {
      assertThrows(
          EscrowProofException.class,
          () -> EscrowProofVerifier.verifyBranches(proof(hold), PUBLISHED),
          hold::toString);
    }
  }

  @Test
  void aTamperedAmountSaltOrProofFails() {
    List<EscrowHold> forged =
        List.of(
            // more sats claimed than the proofs hold
            new EscrowHold(HoldKind.ESCROW, 73, ESCROW.salt(), ESCROW.proofs(), A, ESCROW.branch()),
            // amounts that add up, but not to what the leaf hash covers
            new EscrowHold(
                HoldKind.ESCROW,
                73,
                ESCROW.salt(),
                List.of(new BackingProof(Y1, 65), new BackingProof(Y2, 8)),
                A,
                ESCROW.branch()),
            new EscrowHold(
                HoldKind.ESCROW, 72, "ab".repeat(32), ESCROW.proofs(), A, ESCROW.branch()),
            new EscrowHold(
                HoldKind.ESCROW,
                72,
                ESCROW.salt(),
                List.of(new BackingProof(Y3, 64), new BackingProof(Y2, 8)),
                A,
                ESCROW.branch()),
            new EscrowHold(HoldKind.BOND, 72, ESCROW.salt(), ESCROW.proofs(), A, ESCROW.branch()),
            new EscrowHold(
                HoldKind.ESCROW,
                72,
                ESCROW.salt(),
                List.of(new BackingProof(Y1, 64), new BackingProof(Y1, 8)),
                A,
                ESCROW.branch()));
    for (EscrowHold hold : forged) {
      assertThrows(
          EscrowProofException.class,
          () -> EscrowProofVerifier.verifyBranches(proof(hold), PUBLISHED),
          hold::toString);
    }
  }

  @Test
  void aProofOfAnotherCommitmentOrNoHoldFails() {
    EscrowCommitment otherTotal = new EscrowCommitment("c-1", ROOT, 1115, 3, AT);
    EscrowCommitment otherRoot = new EscrowCommitment("c-1", C, 1114, 3, AT);
    EscrowCommitment otherId = new EscrowCommitment("c-0", ROOT, 1114, 3, AT);

    for (EscrowCommitment published : List.of(otherTotal, otherRoot, otherId)) {
      assertThrows(
          EscrowProofException.class,
          () -> EscrowProofVerifier.verifyBranches(proof(ESCROW), published),
          published::toString);
    }
    EscrowProofException empty =
        assertThrows(
            EscrowProofException.class,
            () -> EscrowProofVerifier.verifyBranches(proof(), PUBLISHED));
    assertTrue(empty.getMessage().contains("holds nothing"), empty::getMessage);
  }

  @Test
  void aProofTheMintDoesNotReportUnspentFails() {
    MintStates oneSpent =
        ys -> {
          Map<String, String> states = new HashMap<>(ALL_UNSPENT.states(ys));
          states.put(Y3, "SPENT");
          return states;
        };
    MintStates oneUnknown =
        ys -> {
          Map<String, String> states = new HashMap<>(ALL_UNSPENT.states(ys));
          states.remove(Y1);
          return states;
        };

    EscrowProofException spent =
        assertThrows(
            EscrowProofException.class,
            () -> new EscrowProofVerifier(oneSpent).verify(proof(ESCROW, BOND), PUBLISHED));
    assertTrue(spent.getMessage().contains(Y3 + " of offer offer-a as SPENT"), spent::getMessage);
    assertThrows(
        EscrowProofException.class,
        () -> new EscrowProofVerifier(oneUnknown).verify(proof(ESCROW, BOND), PUBLISHED));
  }

  @Test
  void theMintIsAskedWithNut07() throws Exception {
    CannedServer mint = serve();
    mint.on(
        "POST",
        "/v1/checkstate",
        Answer.json(
            200,
            "{\"states\":[{\"Y\":\""
                + Y1
                + "\",\"state\":\"UNSPENT\",\"witness\":null},{\"Y\":\""
                + Y3
                + "\",\"state\":\"SPENT\"}]}"));

    Map<String, String> states = MintStates.at(mint.base()).states(List.of(Y1, Y3));

    assertEquals(Map.of(Y1, "UNSPENT", Y3, "SPENT"), states);
    String asked = mint.received().get(0).text();
    assertTrue(asked.contains("\"Ys\":[\"" + Y1 + "\",\"" + Y3 + "\"]"), asked);
  }

  @Test
  void theServersAnswersBind() throws Exception {
    CannedServer server = serve();
    server.on(
        "GET",
        "/api/escrow/commitment",
        Answer.json(
            200,
            "{\"commitmentId\":\"c-1\",\"rootHash\":\""
                + ROOT
                + "\",\"totalSats\":1114,\"leafCount\":3,\"publishedAt\":\"2026-12-07T10:00:00Z\"}"));
    server.on(
        "GET",
        "/api/offers/offer-a/escrow-proof",
        Answer.json(
            200,
            "{\"offerId\":\"offer-a\",\"algorithm\":\"rules\",\"commitment\":{\"commitmentId\":"
                + "\"c-1\",\"rootHash\":\""
                + ROOT
                + "\",\"totalSats\":1114,\"leafCount\":3,\"publishedAt\":\"2026-12-07T10:00:00Z\"},"
                + "\"holds\":[{\"kind\":\"BOND\",\"amount\":16,\"salt\":\""
                + "bb".repeat(32)
                + "\",\"proofs\":[{\"y\":\""
                + Y3
                + "\",\"amount\":16}],\"leafHash\":\""
                + B
                + "\",\"branch\":[{\"side\":\"LEFT\",\"hash\":\""
                + A
                + "\",\"sum\":72},{\"side\":\"RIGHT\",\"hash\":\""
                + C
                + "\",\"sum\":1026}]}]}"));
    OpenPlebClient api = OpenPlebClient.connect(server.base(), UnaryOperator.identity());

    EscrowCommitment published = api.escrow().commitment();
    EscrowProof proof = api.escrow().proof(Bearer.of("t0k3n"), "offer-a");

    assertEquals(PUBLISHED, published);
    assertEquals(BOND, proof.holds().get(0));
    assertEquals(16, new EscrowProofVerifier(ALL_UNSPENT).verify(proof, published).heldSats());
    assertEquals("Bearer t0k3n", server.received().get(1).header("Authorization"));
  }

  private CannedServer serve() throws Exception {
    CannedServer server = new CannedServer();
    servers.add(server);
    return server;
  }

  private static BranchStep step(BranchSide side, String hash, long sum) {
    return new BranchStep(side, hash, sum);
  }

  private static EscrowHold withBranch(EscrowHold hold, BranchStep... steps) {
    return new EscrowHold(
        hold.kind(), hold.amount(), hold.salt(), hold.proofs(), hold.leafHash(), List.of(steps));
  }
}

package org.openpleb.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.cashu.crypto.Bdhke;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;

/**
 * One lane of trading between a maker and a taker: trade after trade, each with a planned end
 * (approval, auto-approval, no receipt, unclaimed, issue then counter and an admin resolution,
 * issue then forfeit, issue unanswered), funded by Lightning or from the maker's balance, with
 * Lightning deposits when a balance runs low and token and Lightning withdrawals in between. The
 * offer is read after every step and the next step follows from its state, so a step the server did
 * (or undid) before it died is never repeated blindly.
 */
final class TradeLane implements Runnable {

  /** How a trade is meant to end. */
  enum Plan {
    APPROVE,
    AUTO_APPROVE,
    NO_RECEIPT,
    UNCLAIMED,
    ISSUE_COUNTER,
    ISSUE_FORFEIT,
    ISSUE_UNANSWERED,
    /** The end phase's plan for offers found open: the shortest way to a final state. */
    FINISH
  }

  private static final Plan[] MIX = {
    Plan.APPROVE,
    Plan.APPROVE,
    Plan.APPROVE,
    Plan.APPROVE,
    Plan.AUTO_APPROVE,
    Plan.NO_RECEIPT,
    Plan.UNCLAIMED,
    Plan.ISSUE_COUNTER,
    Plan.ISSUE_COUNTER,
    Plan.ISSUE_FORFEIT,
    Plan.ISSUE_UNANSWERED
  };
  private static final String[] RESOLUTIONS = {"MAKER_WINS", "TAKER_WINS", "SPLIT", "RETURN"};
  private static final Set<String> FINAL = Set.of("COMPLETED", "RESOLVED", "FORFEITED", "EXPIRED");
  private static final HttpClient MINT_HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final CarefulClient cc;
  private final ClientBook book;
  private final Party maker;
  private final Party taker;
  private final Party admin;
  private final String mintUrl;
  private final BooleanSupplier stopping;
  private final Duration tradeBound;
  private final Random random;
  private final byte[] receipt;

  TradeLane(
      CarefulClient cc,
      ClientBook book,
      Party maker,
      Party taker,
      Party admin,
      String mintUrl,
      BooleanSupplier stopping,
      Duration tradeBound,
      long seed,
      byte[] receipt) {
    this.cc = cc;
    this.book = book;
    this.maker = maker;
    this.taker = taker;
    this.admin = admin;
    this.mintUrl = mintUrl;
    this.stopping = stopping;
    this.tradeBound = tradeBound;
    this.random = new Random(seed);
    this.receipt = receipt;
  }

  @Override
  public void run() {
    while (!stopping.getAsBoolean()) {
      try {
        trade(MIX[random.nextInt(MIX.length)], random.nextBoolean());
        double r = random.nextDouble();
        if (r < 0.5) {
          withdrawToken(random.nextBoolean() ? maker : taker);
        } else if (r < 0.7) {
          withdrawLightning(random.nextBoolean() ? maker : taker);
        }
      } catch (RuntimeException e) {
        book.count("lane.errors." + e.getClass().getSimpleName());
        book.note("lane " + maker + ": " + e);
        CarefulClient.pause(1000);
      }
    }
  }

  /** One whole trade from a new offer to its final state. */
  void trade(Plan plan, boolean lightning) {
    book.count("trades.started");
    book.count("trades.plan." + plan + (lightning ? ".lightning" : ".balance"));
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiatAmount", 5_000 + random.nextInt(5_000));
    body.put("qrCode", "crash-qr-" + key);
    body.put("fiatProvider", "crash");
    CarefulClient.Answer created =
        cc.post(maker, "POST /api/offers", "/api/offers", body, key + "-create");
    String id = created.text("id");
    if (!created.ok() || id == null) {
      book.count("trades.create-failed." + created.status() + "." + created.code());
      return;
    }
    drive(id, plan, lightning, key);
  }

  /**
   * Moves offer {@code id} along {@code plan} until it is final or the bound ran out; returns its
   * final state or null.
   */
  String drive(String id, Plan plan, boolean lightning, String key) {
    long deadline = System.nanoTime() + tradeBound.toNanos();
    String lastState = null;
    int sameStateActions = 0;
    while (System.nanoTime() < deadline) {
      CarefulClient.Answer read = cc.get(maker, "GET /api/offers/{id}", "/api/offers/" + id);
      if (!read.ok()) {
        book.count("trades.read-failed." + read.status());
        CarefulClient.pause(1000);
        continue;
      }
      String state = read.text("status");
      if (FINAL.contains(state)) {
        // the trade is over once its payout is: the settlement runs after the state changed
        if (!"DONE".equals(read.json().path("settlement").path("state").asText())) {
          CarefulClient.pause(1000);
          continue;
        }
        book.count("trades.final." + state);
        book.count("trades.final.plan." + plan + "." + state);
        book.count("trades.outcome." + read.json().path("settlement").path("outcome").asText());
        return state;
      }
      sameStateActions = state.equals(lastState) ? sameStateActions + 1 : 0;
      lastState = state;
      // a step refused over and over: stop pushing and let the deadline end the trade
      boolean push = sameStateActions < 20;
      boolean acted = push && act(id, state, read.json(), plan, lightning, key);
      CarefulClient.pause(acted ? 200 : 1000);
    }
    book.count("trades.not-final-in-bound");
    book.note(
        "offer " + id + " not final after " + tradeBound.toSeconds() + " s (" + lastState + ")");
    return null;
  }

  /** The next step of the plan in {@code state}; true when a request was sent. */
  private boolean act(
      String id, String state, JsonNode offer, Plan plan, boolean lightning, String key) {
    String base = "/api/offers/" + id;
    switch (state) {
      case "CREATED" -> {
        if (plan == Plan.FINISH) {
          return false; // expires unfunded
        }
        if (!lightning) {
          long funding = offer.path("funding").asLong(offer.path("sats").asLong());
          if (ensureSpendable(maker, funding + 10)) {
            CarefulClient.Answer a =
                cc.post(
                    maker,
                    "POST /api/offers/{id}/funding",
                    base + "/funding",
                    Map.of("source", "BALANCE"),
                    key + "-fund");
            outcome("funding.balance", a);
            if (a.ok() || a.orphaned()) {
              return true;
            }
          }
        }
        outcome(
            "funding.invoice",
            cc.post(
                maker, "POST /api/offers/{id}/invoice", base + "/invoice", null, key + "-invoice"));
        return true;
      }
      case "INVOICE_PAID" -> {
        if (plan == Plan.UNCLAIMED || plan == Plan.FINISH) {
          return false;
        }
        ensureSpendable(taker, offer.path("bond").asLong() + 10);
        outcome(
            "claim",
            cc.post(
                taker, "POST /api/offers/{id}/claim", base + "/claim", Map.of(), key + "-claim"));
        return true;
      }
      case "CLAIMED" -> {
        if (plan == Plan.NO_RECEIPT) {
          return false;
        }
        outcome(
            "receipt",
            cc.postBytes(
                taker, "POST /api/offers/{id}/receipt", base + "/receipt", "image/png", receipt));
        return true;
      }
      case "RECEIPT_SUBMITTED" -> {
        if (plan == Plan.AUTO_APPROVE) {
          return false;
        }
        boolean issue =
            plan == Plan.ISSUE_COUNTER
                || plan == Plan.ISSUE_FORFEIT
                || plan == Plan.ISSUE_UNANSWERED;
        outcome(
            "feedback",
            cc.post(
                maker,
                "POST /api/offers/{id}/feedback",
                base + "/feedback",
                Map.of("verdict", issue ? "ISSUE" : "APPROVE", "feedback", "crash test"),
                null));
        return true;
      }
      case "MARKED_WITH_ISSUE" -> {
        if (plan == Plan.ISSUE_UNANSWERED) {
          return false;
        }
        String response = plan == Plan.ISSUE_FORFEIT ? "FORFEIT" : "COUNTER";
        outcome(
            "answer",
            cc.post(
                taker,
                "POST /api/offers/{id}/answer",
                base + "/answer",
                Map.of("response", response, "message", "crash test"),
                null));
        return true;
      }
      case "DISPUTED" -> {
        String resolution = RESOLUTIONS[random.nextInt(RESOLUTIONS.length)];
        outcome(
            "resolution",
            cc.post(
                admin,
                "POST /api/admin/disputes/{id}/resolution",
                "/api/admin/disputes/" + id + "/resolution",
                Map.of("resolution", resolution, "reason", "crash test"),
                null));
        return true;
      }
      default -> {
        return false; // INVOICE_CREATED: the watcher mints; other states wait for their deadline
      }
    }
  }

  private void outcome(String step, CarefulClient.Answer a) {
    book.count(
        "steps."
            + step
            + "."
            + (a.orphaned() ? "orphaned" : a.status() + (a.ok() ? "" : "." + a.code())));
  }

  /** Deposits by Lightning until the party has {@code sats} spendable; false if it could not. */
  boolean ensureSpendable(Party who, long sats) {
    for (int attempt = 0; attempt < 3; attempt++) {
      CarefulClient.Answer w = cc.get(who, "GET /api/wallet", "/api/wallet");
      if (w.ok() && w.json().path("spendable").asLong() >= sats) {
        return true;
      }
      long amount = Math.max(20_000, 2 * sats);
      CarefulClient.Answer d =
          cc.post(
              who,
              "POST /api/wallet/deposits/lightning",
              "/api/wallet/deposits/lightning",
              Map.of("amount", amount),
              UUID.randomUUID().toString());
      String depositId = d.text("depositId");
      book.count("deposits.asked." + (d.orphaned() ? "orphaned" : String.valueOf(d.status())));
      if (!d.ok() || depositId == null) {
        continue;
      }
      awaitDeposit(who, depositId, amount);
    }
    return false;
  }

  private void awaitDeposit(Party who, String depositId, long amount) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      CarefulClient.Answer d =
          cc.get(who, "GET /api/wallet/deposits/{id}", "/api/wallet/deposits/" + depositId);
      String state = d.text("state");
      if ("CREDITED".equals(state)) {
        book.count("deposits.credited");
        book.add("deposits.credited-sats", d.json().path("creditedAmount").asLong(amount));
        return;
      }
      if ("EXPIRED".equals(state) || "FAILED".equals(state)) {
        book.count("deposits." + state);
        return;
      }
      CarefulClient.pause(500);
    }
    book.count("deposits.not-credited-in-bound");
  }

  /** A token withdrawal the client keeps and never redeems. */
  void withdrawToken(Party who) {
    CarefulClient.Answer w = cc.get(who, "GET /api/wallet", "/api/wallet");
    long spendable = w.json().path("spendable").asLong();
    if (!w.ok() || spendable < 3_000) {
      return;
    }
    long amount = 50 + random.nextInt(1_950);
    CarefulClient.Answer a =
        cc.post(
            who,
            "POST /api/wallet/withdrawals/token",
            "/api/wallet/withdrawals/token",
            Map.of("amount", amount),
            UUID.randomUUID().toString());
    book.count("withdrawals.token." + (a.orphaned() ? "orphaned" : String.valueOf(a.status())));
    String text = a.text("token");
    if (a.ok() && text != null) {
      Token token = TokenCodec.decodeUnresolved(text);
      Map<String, Long> ys = new LinkedHashMap<>();
      for (Proof p : token.proofs()) {
        ys.put(Bdhke.y(p.secret()), p.amount());
      }
      book.holdToken(ys);
      book.add("withdrawals.token-sats", token.amount());
    } else if (a.orphaned() || a.status() == 0) {
      book.add("withdrawals.token-sats-unanswered", amount);
    }
  }

  /** A Lightning withdrawal to an invoice of the dev mint's fake node. */
  void withdrawLightning(Party who) {
    CarefulClient.Answer w = cc.get(who, "GET /api/wallet", "/api/wallet");
    if (!w.ok() || w.json().path("spendable").asLong() < 3_000) {
      return;
    }
    long amount = 100 + random.nextInt(1_400);
    String invoice = fakeInvoice(amount);
    if (invoice == null) {
      return;
    }
    CarefulClient.Answer a =
        cc.post(
            who,
            "POST /api/wallet/withdrawals/lightning",
            "/api/wallet/withdrawals/lightning",
            Map.of("invoice", invoice),
            UUID.randomUUID().toString());
    book.count(
        "withdrawals.lightning."
            + (a.orphaned() ? "orphaned" : a.status() + "." + a.text("status")));
    if (a.ok() && "PAID".equals(a.text("status"))) {
      book.add("withdrawals.lightning-sats", a.json().path("amount").asLong());
    }
  }

  private String fakeInvoice(long sats) {
    try {
      HttpResponse<String> r =
          MINT_HTTP.send(
              HttpRequest.newBuilder(URI.create(mintUrl + "/dev/invoice"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + sats + "}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return ApiClient.parse(r.body()).path("request").asText(null);
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}

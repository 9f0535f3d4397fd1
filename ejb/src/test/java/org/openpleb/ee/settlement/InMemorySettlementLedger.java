package org.openpleb.ee.settlement;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settlement ledger in memory for unit tests: the same compare-and-set rules as the database
 * statements of {@link SettlementLedger}, over the entities' in-memory forms. Tokens are kept as
 * they are (the database seals them). Announces completions into {@link #completions}.
 */
public final class InMemorySettlementLedger extends SettlementLedger {

  private final Map<String, Settlement> settlements = new LinkedHashMap<>();
  private final Map<String, List<SettlementStep>> steps = new HashMap<>();

  /** Settlements announced complete, in order. */
  public final List<SettlementCompleted> completions = new ArrayList<>();

  /**
   * Steps whose DONE record the server dies before writing, once each: a crash between a step's
   * wallet call and its record, at the database rather than at a probe point.
   */
  public final List<SettlementStep.Kind> dieBeforeRecordingDone = new ArrayList<>();

  @Override
  public Settlement open(SettlementOrder order, PayoutTable table, OffsetDateTime now) {
    Payout payout = table.payout(order.outcome(), order.terms());
    Settlement settlement = new Settlement(order.offerId(), order.outcome(), payout, now);
    if (settlements.putIfAbsent(order.offerId(), settlement) != null) {
      throw new IllegalStateException("settlement of " + order.offerId() + " exists");
    }
    steps.put(order.offerId(), new ArrayList<>(steps(order, payout, now)));
    return settlement;
  }

  @Override
  public Optional<Settlement> find(String offerId) {
    return Optional.ofNullable(settlements.get(offerId));
  }

  @Override
  public List<SettlementStep> steps(String offerId) {
    return List.copyOf(steps.getOrDefault(offerId, List.of()));
  }

  private Optional<SettlementStep> step(String offerId, int seq) {
    return steps.getOrDefault(offerId, List.of()).stream().filter(s -> s.seq() == seq).findFirst();
  }

  @Override
  public List<String> dueIds(OffsetDateTime now, int max) {
    return settlements.values().stream()
        .filter(s -> s.state() == Settlement.State.PENDING && !s.nextAttemptAt().isAfter(now))
        .filter(s -> s.leaseUntil().map(now::isAfter).orElse(true))
        .sorted(Comparator.comparing(Settlement::nextAttemptAt))
        .limit(max)
        .map(Settlement::offerId)
        .toList();
  }

  @Override
  public long countPending() {
    return settlements.values().stream().filter(s -> s.state() == Settlement.State.PENDING).count();
  }

  @Override
  public boolean take(String offerId, OffsetDateTime now, OffsetDateTime until) {
    Settlement s = settlements.get(offerId);
    if (s == null
        || s.state() != Settlement.State.PENDING
        || s.leaseUntil().map(l -> !l.isBefore(now)).orElse(false)) {
      return false;
    }
    s.lease(until);
    return true;
  }

  @Override
  public boolean renew(String offerId, OffsetDateTime held, OffsetDateTime until) {
    Settlement s = settlements.get(offerId);
    if (s == null
        || s.state() != Settlement.State.PENDING
        || !s.leaseUntil().map(held::isEqual).orElse(false)) {
      return false;
    }
    s.lease(until);
    return true;
  }

  @Override
  public boolean advance(
      String offerId,
      int seq,
      SettlementStep.State from,
      SettlementStep.State to,
      OffsetDateTime now) {
    Optional<SettlementStep> step = step(offerId, seq).filter(s -> s.state() == from);
    step.ifPresent(s -> s.advance(to, now));
    return step.isPresent();
  }

  @Override
  public boolean recordReleasing(String offerId, int seq, long held, OffsetDateTime now) {
    Optional<SettlementStep> step =
        step(offerId, seq).filter(s -> s.state() == SettlementStep.State.PLANNED);
    step.ifPresent(s -> s.releasing(held, now));
    return step.isPresent();
  }

  @Override
  public boolean recordSent(String offerId, int seq, TradeWallets.Sent sent, OffsetDateTime now) {
    Optional<SettlementStep> step =
        step(offerId, seq).filter(s -> s.state() == SettlementStep.State.SENDING);
    step.ifPresent(s -> s.sent(sent.token(), sent.amount(), sent.fee(), now));
    return step.isPresent();
  }

  @Override
  public boolean recordDone(
      String offerId,
      int seq,
      SettlementStep.State from,
      long received,
      long receiveFee,
      OffsetDateTime now) {
    Optional<SettlementStep> step = step(offerId, seq).filter(s -> s.state() == from);
    if (step.isPresent() && dieBeforeRecordingDone.remove(step.get().kind())) {
      throw new IllegalStateException("the server stopped before recording step " + seq);
    }
    step.ifPresent(s -> s.done(received, receiveFee, now));
    return step.isPresent();
  }

  @Override
  public boolean complete(String offerId, OffsetDateTime now) {
    List<SettlementStep> all = steps(offerId);
    Settlement s = settlements.get(offerId);
    if (all.stream().anyMatch(step -> step.state() != SettlementStep.State.DONE)
        || s.state() != Settlement.State.PENDING) {
      return false;
    }
    long fees = all.stream().mapToLong(step -> step.sendFee() + step.receiveFee()).sum();
    s.done(now, fees);
    completions.add(
        new SettlementCompleted(
            offerId,
            s.outcome(),
            s.payout(),
            arrived(all, Party.MAKER),
            arrived(all, Party.TAKER),
            arrived(all, Party.PLATFORM),
            fees,
            java.time.Duration.between(s.createdAt(), now)));
    return true;
  }

  private static long arrived(List<SettlementStep> steps, Party party) {
    return steps.stream()
        .filter(s -> s.toParty() == party)
        .mapToLong(s -> s.receivedAmount().orElse(0L))
        .sum();
  }

  @Override
  public void failed(String offerId, String error, OffsetDateTime nextAttemptAt) {
    settlements.get(offerId).failed(error, nextAttemptAt);
  }

  @Override
  public Optional<String> tokenOf(String offerId, int seq) {
    return step(offerId, seq).flatMap(SettlementStep::token);
  }
}

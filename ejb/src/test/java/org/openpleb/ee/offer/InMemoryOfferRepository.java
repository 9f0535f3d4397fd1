package org.openpleb.ee.offer;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Offers in memory for unit tests: every {@link OfferChange} applied by its own compare-and-set
 * rule, audit lines chained as the database chains them. A test may run something just before the
 * next change is applied ({@link #beforeNextApply}), to lose a race on purpose.
 */
public final class InMemoryOfferRepository implements OfferRepository {

  private final Map<String, Offer> offers = new LinkedHashMap<>();
  private final Map<String, List<AuditRecord>> audits = new HashMap<>();
  private final Map<String, Receipt> receipts = new HashMap<>();

  /** Runs once, right before the next change is compared, then is cleared. */
  public Consumer<Offer> beforeNextApply;

  @Override
  public void add(Offer offer) {
    if (offers.putIfAbsent(offer.id(), offer) != null) {
      throw new IllegalStateException("offer " + offer.id() + " exists");
    }
  }

  @Override
  public Optional<Offer> find(String id) {
    return Optional.ofNullable(offers.get(id)).map(InMemoryOfferRepository::copy);
  }

  /**
   * A copy of the stored row, as a read from the database is: a change applied later does not reach
   * an offer read before it.
   */
  private static Offer copy(Offer stored) {
    try {
      Constructor<Offer> create = Offer.class.getDeclaredConstructor();
      Offer copy = create.newInstance();
      for (Field field : Offer.class.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          field.set(copy, field.get(stored));
        }
      }
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean apply(OfferChange change) {
    Offer offer = offers.get(change.offerId().value());
    if (offer == null) {
      return false;
    }
    Consumer<Offer> race = beforeNextApply;
    beforeNextApply = null;
    if (race != null) {
      race.accept(offer);
    }
    if (!change.admits(offer)) {
      return false;
    }
    change.applyTo(offer);
    return true;
  }

  @Override
  public boolean lockIfDue(String id, Set<OfferState> states, OffsetDateTime now) {
    return Optional.ofNullable(offers.get(id))
        .filter(o -> states.contains(o.status()))
        .flatMap(Offer::expiresAt)
        .map(d -> !d.isAfter(now))
        .orElse(false);
  }

  private List<Offer> where(Predicate<Offer> test) {
    return offers.values().stream().filter(test).map(InMemoryOfferRepository::copy).toList();
  }

  @Override
  public List<String> dueIds(OffsetDateTime now, int max) {
    return where(
            o ->
                o.status().timed()
                    && o.expiresAt().map(d -> !d.isAfter(now)).orElse(false)
                    && o.sweepRetryAt().map(r -> !r.isAfter(now)).orElse(true))
        .stream()
        .sorted(Comparator.comparing(o -> o.expiresAt().orElseThrow()))
        .limit(max)
        .map(Offer::id)
        .toList();
  }

  @Override
  public List<String> quoteDueIds(OffsetDateTime now, int max) {
    return where(
            o ->
                o.quoteState().orElse(null) == QuoteWatch.WATCHING
                    && o.quoteNextCheckAt().map(n -> !n.isAfter(now)).orElse(false))
        .stream()
        .limit(max)
        .map(Offer::id)
        .toList();
  }

  @Override
  public List<String> staleAttemptIds(OffsetDateTime now, int max) {
    return where(o -> o.attemptUntil().map(u -> u.isBefore(now)).orElse(false)).stream()
        .limit(max)
        .map(Offer::id)
        .toList();
  }

  @Override
  public List<Offer> book(String fiatProvider, int offset, int limit) {
    return where(o -> inBook(o, fiatProvider)).stream().skip(offset).limit(limit).toList();
  }

  private static boolean inBook(Offer o, String fiatProvider) {
    return o.status() == OfferState.INVOICE_PAID
        && (fiatProvider == null || fiatProvider.equals(o.fiatProvider().orElse(null)));
  }

  @Override
  public long bookSize(String fiatProvider) {
    return where(o -> inBook(o, fiatProvider)).size();
  }

  @Override
  public List<Offer> ofParty(String pubkey, int limit) {
    return where(o -> o.roleOf(pubkey).isPresent()).stream().limit(limit).toList();
  }

  @Override
  public List<Offer> disputed(int offset, int limit) {
    return where(o -> o.status() == OfferState.DISPUTED).stream()
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public Map<OfferState, Long> countByState() {
    Map<OfferState, Long> counts = new EnumMap<>(OfferState.class);
    offers.values().forEach(o -> counts.merge(o.status(), 1L, Long::sum));
    return counts;
  }

  @Override
  public long heldSats() {
    throw new UnsupportedOperationException("not used by the domain core");
  }

  @Override
  public long countOpenAsMaker(String pubkey) {
    return where(o -> !o.status().terminal() && o.makerPubkey().equals(pubkey)).size();
  }

  @Override
  public long countOpenAsTaker(String pubkey) {
    return where(o -> !o.status().terminal() && o.takerPubkey().filter(pubkey::equals).isPresent())
        .size();
  }

  @Override
  public boolean hasOpenTrades(String pubkey, String walletId) {
    return !where(
            o ->
                (!o.status().terminal()
                        && (o.roleOf(pubkey).isPresent()
                            || o.makerWalletId().equals(walletId)
                            || o.takerWalletId().filter(walletId::equals).isPresent()))
                    || o.attemptWalletId().filter(walletId::equals).isPresent())
        .isEmpty();
  }

  @Override
  public void lockUser(String pubkey) {
    // one thread per test: nothing to serialise
  }

  @Override
  public AuditRecord appendAudit(AuditEntryDraft draft) {
    Offer offer = Objects.requireNonNull(offers.get(draft.offerId()), "no offer to audit");
    int seq = offer.auditSeq() + 1;
    AuditRecord record =
        AuditRecord.of(
            new AuditEntry(
                draft.offerId(),
                seq,
                draft.at(),
                draft.actor(),
                draft.action(),
                draft.from(),
                draft.to(),
                draft.facts()),
            offer.auditHead());
    offer.audited(seq, record.hash());
    audits.computeIfAbsent(draft.offerId(), id -> new ArrayList<>()).add(record);
    return record;
  }

  @Override
  public List<AuditRecord> audit(String offerId) {
    return List.copyOf(audits.getOrDefault(offerId, List.of()));
  }

  @Override
  public void addReceipt(Receipt receipt) {
    receipts.put(receipt.offerId(), receipt);
  }

  @Override
  public Optional<Receipt> receipt(String offerId) {
    return Optional.ofNullable(receipts.get(offerId));
  }
}

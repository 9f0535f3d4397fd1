package org.openpleb.ee.settlement;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;

/**
 * Builds a {@link Settler} over in-memory ports for unit tests, as the container would inject it.
 */
public final class TestSettlers {

  /** The settlement lease the tests run with, seconds. */
  public static final long LEASE_SECONDS = 30;

  private TestSettlers() {}

  /** A settler over {@code ledger} and {@code wallets}, telling {@code probes} where it is. */
  public static Settler settler(
      SettlementLedger ledger, TradeWallets wallets, Clock clock, SettlementProbe... probes) {
    Settler settler = new Settler();
    settler.ledger = ledger;
    settler.wallets = wallets;
    settler.clock = clock;
    settler.probes = new Probes(List.of(probes));
    SettlementConfig config = new SettlementConfig();
    config.leaseSeconds = LEASE_SECONDS;
    settler.config = config;
    return settler;
  }

  /** The probes a test deploys: what CDI would hand the settler. */
  private record Probes(List<SettlementProbe> all) implements Instance<SettlementProbe> {

    @Override
    public Iterator<SettlementProbe> iterator() {
      return all.iterator();
    }

    @Override
    public SettlementProbe get() {
      return all.get(0);
    }

    @Override
    public boolean isUnsatisfied() {
      return all.isEmpty();
    }

    @Override
    public boolean isAmbiguous() {
      return all.size() > 1;
    }

    @Override
    public Instance<SettlementProbe> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends SettlementProbe> Instance<U> select(
        Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends SettlementProbe> Instance<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void destroy(SettlementProbe instance) {}

    @Override
    public Handle<SettlementProbe> getHandle() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<? extends Handle<SettlementProbe>> handles() {
      return List.of();
    }
  }
}

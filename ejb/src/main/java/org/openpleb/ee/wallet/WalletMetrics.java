package org.openpleb.ee.wallet;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintProtocolException;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.cashu.wallet.OperationInDoubtException;

/**
 * The session wallets' figures for the operator: open handles against the cache size, hits, misses,
 * evictions (by reason), how long opening a wallet takes (all opens, and reopens of existing
 * files), Lightning deposits credited, and mint errors (by kind). Created with the application so
 * its gauges exist from the start.
 */
@ApplicationScoped
public class WalletMetrics implements HandleCache.Events<String> {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  private volatile IntSupplier openHandles = () -> 0;
  private volatile IntSupplier capacity = () -> 0;

  private Counter hits;
  private Counter misses;
  private Counter exhausted;
  private Counter depositsCredited;
  private Counter satsCredited;
  private Timer openTime;
  private Timer reopenTime;
  private Timer reopenFileTime;

  @PostConstruct
  void register() {
    metrics.gauge(
        metadata("openpleb_wallet_cache_size", "Open wallet handles", MetricUnits.NONE),
        () -> openHandles.getAsInt());
    metrics.gauge(
        metadata(
            "openpleb_wallet_cache_capacity",
            "Most wallet handles kept open (WALLET_CACHE_SIZE)",
            MetricUnits.NONE),
        () -> capacity.getAsInt());
    hits = counter("openpleb_wallet_cache_hits", "Wallet uses that found the wallet open");
    misses = counter("openpleb_wallet_cache_misses", "Wallet uses that had to open the wallet");
    exhausted =
        counter(
            "openpleb_wallet_cache_busy_rejections",
            "Wallet uses refused because every handle stayed in use (503 WALLET_BUSY)");
    depositsCredited =
        counter("openpleb_wallet_deposits_credited", "Lightning deposits minted into wallets");
    satsCredited =
        counter("openpleb_wallet_deposit_sats_credited", "Sats minted for Lightning deposits");
    openTime =
        metrics.timer(
            metadata(
                "openpleb_wallet_open",
                "Time to open a wallet file and recover it",
                MetricUnits.SECONDS));
    reopenTime =
        metrics.timer(
            metadata(
                "openpleb_wallet_reopen",
                "Time to open a wallet file that already existed (an evicted or dormant wallet)"
                    + " and recover it; openpleb_wallet_open counts new files as well",
                MetricUnits.SECONDS));
    reopenFileTime =
        metrics.timer(
            metadata(
                "openpleb_wallet_reopen_file",
                "Of openpleb_wallet_reopen, the wallet library's part: the SQLite open, the"
                    + " schema check and the journal's recovery (the rest is the handle's"
                    + " stateful bean and the seed)",
                MetricUnits.SECONDS));
    for (HandleCache.Closing why : HandleCache.Closing.values()) {
      if (isEviction(why)) {
        eviction(why);
      }
    }
    for (MintErrorKind kind : MintErrorKind.values()) {
      mintErrors(kind);
    }
  }

  /** Creates the bean with the application so the gauges are registered from the start. */
  void onApplicationStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // the observer's only job is to make the container create this bean now
  }

  /** Lets the registry report its figures through the gauges. */
  public void watch(IntSupplier openHandles, IntSupplier capacity) {
    this.openHandles = openHandles;
    this.capacity = capacity;
  }

  @Override
  public void hit(String key) {
    hits.inc();
  }

  @Override
  public void miss(String key) {
    misses.inc();
  }

  @Override
  public void opened(String key, Duration took) {
    openTime.update(took);
  }

  /**
   * A wallet whose file already existed was opened in {@code took}, of which {@code file} in the
   * wallet library (file, schema check, recovery).
   */
  public void reopened(Duration took, Duration file) {
    reopenTime.update(took);
    reopenFileTime.update(file);
  }

  @Override
  public void closed(String key, HandleCache.Closing why) {
    if (isEviction(why)) {
      eviction(why).inc();
    }
  }

  @Override
  public void exhausted(String key) {
    exhausted.inc();
  }

  /** A Lightning deposit of {@code sats} was minted into its wallet. */
  public void depositCredited(long sats) {
    depositsCredited.inc();
    satsCredited.inc(sats);
  }

  /** A call to the mint failed. */
  public void mintError(MintErrorKind kind) {
    mintErrors(kind).inc();
  }

  private static boolean isEviction(HandleCache.Closing why) {
    return why == HandleCache.Closing.LRU
        || why == HandleCache.Closing.IDLE
        || why == HandleCache.Closing.RELIEF;
  }

  private Counter eviction(HandleCache.Closing why) {
    return metrics.counter(
        metadata(
            "openpleb_wallet_cache_evictions",
            "Wallet handles closed to make room (lru), for idleness (idle) or for capacity relief"
                + " (relief)",
            MetricUnits.NONE),
        new Tag("reason", why.name().toLowerCase(Locale.ROOT)));
  }

  private Counter mintErrors(MintErrorKind kind) {
    return metrics.counter(
        metadata(
            "openpleb_wallet_mint_errors",
            "Failed mint calls of the wallets: unreachable, refused, or answered wrongly",
            MetricUnits.NONE),
        new Tag("kind", kind.tag()));
  }

  private Counter counter(String name, String description) {
    return metrics.counter(metadata(name, description, MetricUnits.NONE));
  }

  private static Metadata metadata(String name, String description, String unit) {
    return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
  }

  /** How a mint call failed. */
  public enum MintErrorKind {
    /** No answer, a timeout or a 5xx: the outcome is unknown. */
    UNREACHABLE,
    /** A definitive refusal with a Cashu error code. */
    REFUSED,
    /** An answer the wallet could not accept (bad signature, malformed). */
    PROTOCOL;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a wallet failure, if it was the mint's. */
    static Optional<MintErrorKind> of(Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof MintUnreachableException || t instanceof OperationInDoubtException) {
          return Optional.of(UNREACHABLE);
        }
        if (t instanceof MintProtocolException) {
          return Optional.of(PROTOCOL);
        }
        if (t instanceof MintException) {
          return Optional.of(REFUSED);
        }
      }
      return Optional.empty();
    }
  }
}

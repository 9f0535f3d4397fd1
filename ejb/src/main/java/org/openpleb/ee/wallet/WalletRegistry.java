package org.openpleb.ee.wallet;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.NoSuchEJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.wallet.Wallet;
import org.openpleb.cashu.wallet.WalletLimits;
import org.openpleb.ee.idempotency.AnswerSeal;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.PlatformEventKind;
import org.openpleb.ee.platform.PlatformEventLog;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.platform.SecretBox;

/**
 * Owns every open session wallet: at most {@code WALLET_CACHE_SIZE} handles, least recently used
 * closed first, a handle in use pinned and never closed under its user, and nothing opened until
 * money moves ({@link #lease(String)} is the only way in). When every handle is pinned a caller
 * waits {@code WALLET_PIN_WAIT_MS}, then is told to retry (503 WALLET_BUSY). The container's
 * stateful bean cache is no hard cap, so the cap is enforced here.
 *
 * <p>Each handle is a {@link SessionWallet} stateful bean on the wallet's SQLite file under {@code
 * WALLET_DIR}, seeded from the master secret ({@code OPENPLEB_MASTER_SEED}) and the wallet id.
 * Closing a handle removes its bean. The bookkeeping is {@link HandleCache}'s; this bean adds the
 * container, the files and the seeds. Concurrency is bean-managed: the cache has its own lock and
 * opening a wallet happens outside it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WalletRegistry {

  private static final Logger LOG = Logger.getLogger(WalletRegistry.class.getName());

  private static final String HANDLE = "java:module/SessionWallet";
  private static final List<String> FILE_SUFFIXES =
      List.of(".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal");

  @Inject WalletConfig config;

  @Inject MintConnection mint;

  @Inject WalletMetrics metrics;

  @Inject Clock clock;

  @EJB PlatformEventLog events;

  @EJB WalletRepository recorded;

  @Resource SessionContext context;

  private HandleCache<String, SessionWallet> cache;
  private Path directory;
  private MasterSeed master;
  private AnswerSeal answerSeal;
  private SecretBox settlementTokens;
  private QuoteSeal quoteSeal;
  private Duration pinWait;
  private WalletLimits limits;

  /** The lost wallets already logged since this boot (one SEVERE line each, not one per use). */
  private final Set<String> reportedLost = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void start() {
    master = loadMasterSeed();
    answerSeal = new AnswerSeal(master.answerKey(), new SecureRandom());
    settlementTokens = new SecretBox(master.settlementTokenKey(), new SecureRandom());
    quoteSeal = new QuoteSeal(master.quoteKey(), master.quoteIndexKey(), new SecureRandom());
    directory = prepareDirectory(config.directory());
    pinWait = config.pinWait();
    limits = config.limits();
    cache = new HandleCache<>(config.cacheSize(), clock, new Handles(), metrics);
    metrics.watch(cache::size, cache::capacity);
    LOG.log(
        Level.INFO,
        "Wallet registry: at most {0} open wallets in {1}, mint {2}, idle handles closed after"
            + " {3} ms, callers wait up to {4} ms for a handle",
        new Object[] {
          String.valueOf(cache.capacity()),
          directory,
          mint.url(),
          String.valueOf(config.idleTimeout().toMillis()),
          String.valueOf(pinWait.toMillis())
        });
  }

  /** The seal of stored idempotent answers, keyed from the master secret. */
  public AnswerSeal answerSeal() {
    return answerSeal;
  }

  /** The box that keeps settlement tokens sealed at rest, keyed from the master secret. */
  public SecretBox settlementTokenBox() {
    return settlementTokens;
  }

  /** The seal of the mint quote ids the quote ledger keeps, keyed from the master secret. */
  public QuoteSeal quoteSeal() {
    return quoteSeal;
  }

  private MasterSeed loadMasterSeed() {
    if (config.masterSeedHex().isPresent()) {
      return MasterSeed.fromHex(config.masterSeedHex().get(), WalletConfig.OPENPLEB_MASTER_SEED);
    }
    Path file = config.masterSeedFile();
    MasterSeed seed = MasterSeed.loadOrCreate(file, new SecureRandom());
    events.record(
        PlatformEventKind.UNSAFE_SETTING,
        WalletConfig.OPENPLEB_MASTER_SEED
            + " is not set: wallet seeds derive from a generated secret");
    LOG.log(
        Level.WARNING,
        "{0} is not set: wallet seeds derive from the {1} secret in {2}. Set {0} in production"
            + " and keep a copy of it: without it lost wallet files cannot be restored",
        new Object[] {
          WalletConfig.OPENPLEB_MASTER_SEED,
          seed.generated() ? "newly generated" : "generated",
          file.toAbsolutePath()
        });
    return seed;
  }

  private static Path prepareDirectory(Path configured) {
    Path dir = configured.toAbsolutePath().normalize();
    try {
      if (!Files.isDirectory(dir)) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create WALLET_DIR " + dir, e);
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalStateException("WALLET_DIR " + dir + " is not writable");
    }
    return dir;
  }

  @PreDestroy
  void stop() {
    int closed = cache.closeAll();
    LOG.log(Level.INFO, "Wallet registry closed {0} wallet(s)", closed);
  }

  /**
   * The wallet {@code walletId}, pinned until the lease is closed: the open handle if there is one
   * (a hit), else the wallet file opened now (a miss), making room by closing the least recently
   * used idle handle. Opening a new id creates an empty wallet.
   *
   * @throws WalletOperationException WALLET_BUSY when every handle stayed in use for the pin wait
   */
  public WalletLease lease(String walletId) {
    String id = WalletIds.require(walletId);
    try {
      return new WalletLease(cache.acquire(id, pinWait));
    } catch (HandlesExhaustedException e) {
      LOG.log(
          Level.WARNING,
          "No wallet handle free for {0} within {1} ms",
          new Object[] {id, String.valueOf(pinWait.toMillis())});
      throw WalletOperationException.busy(retryAfter(), e);
    }
  }

  /** The delay a refused caller is told to wait: the pin wait, at least a second. */
  public Duration retryAfter() {
    return pinWait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : pinWait;
  }

  /** Whether the wallet is open now. */
  public boolean isOpen(String walletId) {
    return cache.isOpen(walletId);
  }

  /** How many leases pin the wallet now. */
  public int pins(String walletId) {
    return cache.pins(walletId);
  }

  /** Open handles now. */
  public int openHandles() {
    return cache.size();
  }

  /** The most handles kept open ({@code WALLET_CACHE_SIZE}). */
  public int capacity() {
    return cache.capacity();
  }

  /** Closes handles unused for longer than {@code WALLET_IDLE_TIMEOUT}; returns how many. */
  public int closeIdle() {
    int closed = cache.closeIdle(config.idleTimeout());
    if (closed > 0) {
      LOG.log(Level.FINE, "Closed {0} idle wallet(s)", closed);
    }
    return closed;
  }

  /** Closes every handle not in use (capacity relief at EMERGENCY); returns how many. */
  public int closeUnpinned() {
    return cache.closeUnpinned();
  }

  /**
   * Closes the wallet's handle now if it is unused, else after its last lease (its session ended).
   */
  public void release(String walletId) {
    cache.retire(walletId);
  }

  /**
   * Closes the wallet and deletes its files, unless a lease holds it; for empty wallets whose
   * session ended.
   *
   * @return whether the files are gone
   */
  public boolean discard(String walletId) {
    String id = WalletIds.require(walletId);
    return cache.whileClosed(id, () -> deleteFiles(id));
  }

  /**
   * Rebuilds the file of wallet {@code walletId} (lost or corrupt): takes the wallet out of use,
   * runs {@code plan} (it reads what the new file must hold, and may refuse, while nothing can move
   * through the wallet), opens a new wallet file beside the old one with the wallet's seed (no
   * recovery: there is nothing to recover), lets the planned work fill it (restore from the seed,
   * put back what was in flight and reserved), then puts it in place. An existing file is kept
   * aside, renamed {@code <id>.sqlite.replaced-<millis>}, never deleted; a rebuild whose work fails
   * leaves its new file aside as {@code <id>.sqlite.restoring-<millis>} and the wallet as it was.
   * While the rebuild runs a caller of the wallet waits up to the pin wait and is then told
   * WALLET_BUSY.
   *
   * @return what the work returned and the name the old file was kept under, if there was one
   * @throws DomainException CONFLICT when the wallet is in use; whatever {@code plan} throws
   */
  public <T> Rebuilt<T> rebuild(String walletId, Supplier<Function<Wallet, T>> plan) {
    String id = WalletIds.require(walletId);
    if (!cache.exclude(id)) {
      throw new DomainException(
          ProblemCode.CONFLICT, "The wallet is in use; retry once its operations are done");
    }
    try {
      Function<Wallet, T> work = plan.get();
      String stamp = Long.toString(clock.millis());
      Path fresh = directory.resolve(id + ".sqlite.restoring-" + stamp);
      byte[] seed = master.walletSeed(id);
      T result;
      try (Wallet wallet =
          Wallet.builder(fresh, mint.url(), seed, mint.client())
              .clock(clock)
              .limits(limits)
              .recoverOnOpen(false)
              .open()) {
        result = work.apply(wallet);
      } finally {
        Arrays.fill(seed, (byte) 0);
      }
      String keptAside = null;
      if (Files.exists(file(id))) {
        keptAside = id + ".sqlite.replaced-" + stamp;
      }
      moveFiles(id + ".sqlite", keptAside);
      moveFiles(fresh.getFileName().toString(), id + ".sqlite");
      LOG.log(
          Level.WARNING,
          "Wallet {0} rebuilt from its seed{1}",
          new Object[] {id, keptAside == null ? "" : "; the old file is kept as " + keptAside});
      return new Rebuilt<>(result, Optional.ofNullable(keptAside));
    } finally {
      cache.readmit(id);
    }
  }

  /**
   * Moves a wallet file and its SQLite companions to a new name (nowhere if {@code to} is null).
   */
  private void moveFiles(String from, String to) {
    if (to == null) {
      return;
    }
    for (String companion : List.of("", "-wal", "-shm", "-journal")) {
      Path source = directory.resolve(from + companion);
      if (Files.exists(source)) {
        try {
          Files.move(source, directory.resolve(to + companion), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot move " + source.getFileName(), e);
        }
      }
    }
  }

  /**
   * A rebuilt wallet file.
   *
   * @param result what the rebuild's work returned
   * @param keptAside the name the replaced file was kept under, in {@code WALLET_DIR}
   */
  public record Rebuilt<T>(T result, Optional<String> keptAside) {}

  /** Whether a file exists for the wallet (money may have moved through it). */
  public boolean hasFile(String walletId) {
    return Files.exists(file(WalletIds.require(walletId)));
  }

  private Path file(String id) {
    return directory.resolve(id + ".sqlite");
  }

  private void deleteFiles(String id) {
    for (String suffix : FILE_SUFFIXES) {
      try {
        Files.deleteIfExists(directory.resolve(id + suffix));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete the files of wallet " + id, e);
      }
    }
    LOG.log(Level.INFO, "Deleted the empty wallet {0}", id);
  }

  /**
   * A wallet whose file is missing while the shared database says it holds sats lost its file (a
   * disk, a wrong {@code WALLET_DIR}, a deleted file): opening it would create an empty file, let
   * its next snapshot overwrite the database's record with 0 and hide the loss from the
   * reconciliation. It is refused instead, and logged once per boot for the operator, who restores
   * it ({@code POST /api/admin/wallets/{id}/restore} rebuilds the file without opening it here). A
   * wallet without a record, or with nothing recorded, is new or was left empty: its file is made.
   *
   * @throws WalletOperationException WALLET_FILE_MISSING
   */
  private void refuseLostFile(String id) {
    long sats = recorded.find(id).map(w -> w.balance().total()).orElse(0L);
    if (sats <= 0) {
      return;
    }
    if (reportedLost.add(id)) {
      LOG.log(
          Level.SEVERE,
          "Wallet {0}: the shared database says it holds {1} sats but its file is missing from"
              + " {2}; it is not recreated empty and every use is refused until an operator"
              + " restores it (POST /api/admin/wallets/{0}/restore)",
          new Object[] {id, String.valueOf(sats), directory});
    }
    throw new WalletOperationException(
        ProblemCode.WALLET_FILE_MISSING,
        "This wallet's file is missing on the server; nothing moved. An operator must restore it"
            + " before it can be used.",
        null,
        null);
  }

  /** Opens handles as stateful beans and closes them by removing the bean. */
  private final class Handles implements HandleCache.Lifecycle<String, SessionWallet> {

    @Override
    public SessionWallet open(String id) {
      long started = System.nanoTime();
      Path file = file(id);
      boolean existing = Files.exists(file);
      if (!existing) {
        refuseLostFile(id);
      }
      SessionWallet handle = (SessionWallet) context.lookup(HANDLE);
      byte[] seed = master.walletSeed(id);
      long opening = System.nanoTime();
      try {
        handle.open(id, file, mint.url(), seed, mint.client(), clock, limits);
      } catch (RuntimeException e) {
        close(id, handle);
        throw e;
      } finally {
        Arrays.fill(seed, (byte) 0); // the wallet keeps its own copy
      }
      if (existing) {
        long done = System.nanoTime();
        metrics.reopened(Duration.ofNanos(done - started), Duration.ofNanos(done - opening));
      }
      LOG.log(Level.FINE, "Opened wallet {0}", id);
      return handle;
    }

    @Override
    public void close(String id, SessionWallet handle) {
      try {
        handle.close();
        LOG.log(Level.FINE, "Closed wallet {0}", id);
      } catch (NoSuchEJBException gone) {
        // the container already discarded the bean; nothing left to close
        LOG.log(Level.FINE, "Wallet handle {0} was already gone", id);
      }
    }

    @Override
    public boolean usable(SessionWallet handle) {
      try {
        return handle.usable();
      } catch (EJBException gone) {
        // the container discarded the bean (NoSuchEJBException is one): open the file afresh
        return false;
      }
    }

    @Override
    public boolean busy(SessionWallet handle) {
      try {
        return handle.busy();
      } catch (NoSuchEJBException gone) {
        return false;
      }
    }
  }
}

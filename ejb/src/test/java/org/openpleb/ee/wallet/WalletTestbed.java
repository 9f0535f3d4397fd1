package org.openpleb.ee.wallet;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.ee.platform.TestClock;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * The wallet feature's services wired by hand, without a container: the in-memory repositories, a
 * {@link FakeMint}, wallet handles over files kept here and cached by a real {@link HandleCache}, a
 * movable {@link TestClock}, and recorders for the figures. Each test makes its own.
 */
final class WalletTestbed {

  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  final TestClock clock = new TestClock(START);
  final InMemoryDepositRepository deposits = new InMemoryDepositRepository();
  final InMemoryAskedQuoteRepository quotes = new InMemoryAskedQuoteRepository(deposits);
  final InMemoryWalletRepository wallets = new InMemoryWalletRepository(deposits);
  final InMemorySentTokenRepository sentTokenRows = new InMemorySentTokenRepository();
  final SentTokens sentTokens = new SentTokens();
  final FakeMint mint = new FakeMint();
  final Map<String, FakeSessionWallet.File> files = new HashMap<>();
  final List<String> opened = new ArrayList<>();
  final List<WalletMetrics.MintErrorKind> mintErrors = new ArrayList<>();
  final List<Long> credited = new ArrayList<>();
  final WalletConfig config = new WalletConfig();
  final QuoteLedgerConfig quoteConfig = new QuoteLedgerConfig();
  final QuoteSeal seal = new QuoteSeal(new byte[32], new byte[32], new SecureRandom());

  final HandleCache<String, SessionWallet> cache =
      new HandleCache<>(
          8,
          clock,
          new HandleCache.Lifecycle<>() {
            @Override
            public SessionWallet open(String id) {
              opened.add(id);
              return new FakeSessionWallet(file(id), mint, clock);
            }

            @Override
            public void close(String id, SessionWallet handle) {}
          },
          new HandleCache.Events<>() {});

  /** A failure leasing any wallet throws, as nothing in the wallet layer expects; none if null. */
  RuntimeException leaseFailure;

  final WalletRegistry registry =
      new WalletRegistry() {
        @Override
        public WalletLease lease(String walletId) {
          if (leaseFailure != null) {
            throw leaseFailure;
          }
          return new WalletLease(cache.acquire(WalletIds.require(walletId), Duration.ZERO));
        }

        @Override
        public boolean isOpen(String walletId) {
          return cache.isOpen(walletId);
        }

        @Override
        public int pins(String walletId) {
          return cache.pins(walletId);
        }

        @Override
        public void release(String walletId) {
          cache.retire(walletId);
        }

        @Override
        public boolean discard(String walletId) {
          return cache.whileClosed(walletId, () -> files.remove(walletId));
        }

        @Override
        public QuoteSeal quoteSeal() {
          return seal;
        }
      };

  final WalletMetrics metrics =
      new WalletMetrics() {
        @Override
        public void mintError(MintErrorKind kind) {
          mintErrors.add(kind);
        }

        @Override
        public void depositCredited(long sats) {
          credited.add(sats);
        }
      };

  final MintConnection connection =
      new MintConnection() {
        @Override
        public MintClient client() {
          return mint;
        }

        @Override
        public String url() {
          return mint.mintUrl();
        }
      };

  final LeasedWallets leased = new LeasedWallets();
  final DepositCrediting crediting = new DepositCrediting();
  final WalletRetirement retirement = new WalletRetirement();
  final Cashier cashier = new Cashier();
  final QuoteLedger ledger = new QuoteLedger();

  /** Tasks handed to the mint executor, run when the test says. */
  final Deque<Runnable> executorQueue = new ArrayDeque<>();

  /** Whether the mint executor refuses work now. */
  boolean executorFull;

  final MintExecutor executor =
      new MintExecutor() {
        @Override
        public void execute(Runnable task) {
          if (executorFull) {
            throw new RejectedExecutionException("full");
          }
          executorQueue.add(task);
        }
      };

  final DepositWatcher watcher = new DepositWatcher();

  final InvoiceLookConfig lookConfig = new InvoiceLookConfig();

  /** NUT-17 subscriptions off: these tests drive the deposit checks themselves. */
  final QuoteNotifications notifications = new QuoteNotifications();

  final QuoteSubscriptionConfig subscriptionConfig = new QuoteSubscriptionConfig();

  final InvoiceLooks looks = new InvoiceLooks();

  WalletTestbed() {
    config.depositPollMillis = 1000;
    config.cleanupIntervalMillis = 60_000;
    config.maxTokenSats = 100_000;
    config.maxTokenProofs = 100;
    leased.registry = registry;
    leased.wallets = wallets;
    leased.mint = connection;
    leased.metrics = metrics;
    crediting.deposits = deposits;
    crediting.wallets = wallets;
    crediting.leased = leased;
    crediting.mint = connection;
    crediting.config = config;
    crediting.metrics = metrics;
    crediting.clock = clock;
    subscriptionConfig.max = 0;
    notifications.config = subscriptionConfig;
    crediting.notifications = notifications;
    retirement.registry = registry;
    retirement.leased = leased;
    retirement.wallets = wallets;
    retirement.deposits = deposits;
    retirement.config = config;
    retirement.clock = clock;
    cashier.leased = leased;
    cashier.wallets = wallets;
    cashier.deposits = deposits;
    cashier.config = config;
    cashier.clock = clock;
    cashier.askedQuotes = quotes;
    cashier.ledger = ledger;
    deposits.quotes = quotes;
    quoteConfig.sweepMillis = 60_000;
    quoteConfig.graceMillis = 300_000;
    ledger.quotes = quotes;
    ledger.deposits = deposits;
    ledger.wallets = wallets;
    ledger.registry = registry;
    ledger.crediting = crediting;
    ledger.leased = leased;
    ledger.mint = connection;
    ledger.config = quoteConfig;
    ledger.clock = clock;
    cashier.sentTokens = sentTokenRows;
    sentTokens.leased = leased;
    sentTokens.tokens = sentTokenRows;
    sentTokens.wallets = wallets;
    sentTokens.clock = clock;
    lookConfig.spacingMillis = 250;
    lookConfig.perSecond = 4;
    lookConfig.waitMillis = 0; // the executor only queues: the read does not wait for its look
    looks.config = lookConfig;
    looks.nanos = () -> clock.millis() * 1_000_000L;
    looks.executor = executor;
    looks.start();
    cashier.looks = looks;
    cashier.crediting = crediting;
    watcher.executor = executor;
    watcher.deposits = deposits;
    watcher.crediting = crediting;
    watcher.config = config;
    watcher.clock = clock;
  }

  /** The file of wallet {@code id}, created empty on first use as opening a new id does. */
  FakeSessionWallet.File file(String id) {
    return files.computeIfAbsent(id, k -> new FakeSessionWallet.File());
  }

  /** The clock's time as the services store it. */
  OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  /** A new live session of {@code pubkey} with a wallet of its own. */
  SessionPrincipal session(String pubkey) {
    OffsetDateTime at = now();
    SessionPrincipal session =
        new SessionPrincipal(
            UUID.randomUUID().toString(),
            pubkey,
            UUID.randomUUID().toString(),
            at,
            at.plus(Duration.ofHours(1)));
    wallets.sessionLive(session.walletId(), true);
    return session;
  }

  /** A recorded wallet of {@code session} holding {@code spendable} sats in its file and row. */
  String fundedWallet(SessionPrincipal session, long spendable) {
    wallets.addIfAbsent(
        StoredWallet.forSession(session.walletId(), session.pubkey(), session.sessionId(), now()));
    file(session.walletId()).spendable = spendable;
    wallets.recordBalance(session.walletId(), new WalletBalance(spendable, 0, 0), now());
    return session.walletId();
  }

  /** Runs the executor's queued tasks in order, including any they queue. */
  void runExecutor() {
    while (!executorQueue.isEmpty()) {
      executorQueue.poll().run();
    }
  }

  /** The epoch second {@code by} from now. */
  long epochSecondIn(Duration by) {
    return clock.instant().plus(by).getEpochSecond();
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

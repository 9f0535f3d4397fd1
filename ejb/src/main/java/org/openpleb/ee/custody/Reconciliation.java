package org.openpleb.ee.custody;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.ProofCheck;
import org.openpleb.cashu.mint.ProofStatus;
import org.openpleb.ee.custody.commitment.EscrowCommitments;
import org.openpleb.ee.wallet.MintConnection;
import org.openpleb.ee.wallet.WalletConfig;
import org.openpleb.ee.wallet.WalletIds;

/**
 * The conservation check as a production job: every wallet the shared database knows (active and
 * dormant session wallets, the treasury) and every wallet file in {@code WALLET_DIR} is looked at,
 * one file at a time and read-only ({@link SqliteWalletFiles}), and
 *
 * <ol>
 *   <li>its holdings (ready + reserved + in flight) must equal what its journal says came in less
 *       what left ({@link Ledger}); a wallet holding sats by its snapshot must have a file;
 *   <li>its reservations must match the escrows and bonds the offers hold there, both ways ({@link
 *       OfferHolds}, {@link HoldCheck}), and no settlement may be stopped on one of its holds found
 *       empty;
 *   <li>a sample of its spendable and reserved proofs must be UNSPENT at the mint, and the proofs
 *       it marked spent since the last run SPENT (NUT-07, at most {@link #CHECK_BATCH} per
 *       request). The sample walks through every proof, all of them in a day ({@link ProofSample}).
 * </ol>
 *
 * A run never changes a wallet or a row: it reports. Anything it finds is flagged with the wallet,
 * the offer and the operation it concerns, in the report ({@link ReconciliationReport}, stored and
 * served to the admin), in the metrics, and in one WARNING line. Each run then publishes a
 * commitment to the escrow ({@link EscrowCommitments#publish()}), so a party can check its offer
 * against the escrow as of the latest reconciliation. One run at a time on a server; a second
 * caller waits for the first to finish and then runs its own.
 */
@ApplicationScoped
public class Reconciliation {

  private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

  /**
   * Findings of each kind, and wallet lines, kept in a report (so a flood of one kind never hides
   * another); the counts cover all of them.
   */
  static final int MAX_LISTED = 100;

  /** Proof {@code Y}s per NUT-07 request. */
  static final int CHECK_BATCH = 100;

  /** Wallet rows read per query. */
  private static final int ROW_PAGE = 500;

  @Inject ReconciliationConfig config;

  @Inject WalletConfig walletConfig;

  @Inject MintConnection mint;

  @Inject ReconciliationMetrics metrics;

  @Inject Clock clock;

  @EJB OfferHolds holds;

  @EJB KnownWallets known;

  @EJB ReconciliationRepository reports;

  @Inject EscrowCommitments commitments;

  private final ReentrantLock running = new ReentrantLock();

  /** Where the next run's proof sample starts, and how many proofs the last run saw. */
  private long sampleStart;

  private long lastProofCount;
  private OffsetDateTime lastStart;

  /** Runs a reconciliation now, stores and publishes its report, and returns it. */
  public ReconciliationReport run() {
    running.lock();
    try {
      ReconciliationReport report = reconcile();
      reports.save(report);
      metrics.ran(report);
      log(report);
      publishCommitment();
      return report;
    } finally {
      running.unlock();
    }
  }

  private void publishCommitment() {
    try {
      commitments.publish();
    } catch (RuntimeException e) {
      // the report stands on its own; parties keep the previous commitment until the next run
      LOG.log(Level.WARNING, "Cannot publish the escrow commitment after a reconciliation", e);
    }
  }

  /** Whether a run is going on now on this server. */
  public boolean busy() {
    return running.isLocked();
  }

  private ReconciliationReport reconcile() {
    OffsetDateTime started = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    long t0 = System.nanoTime();
    Path dir = walletConfig.directory().toAbsolutePath().normalize();
    Map<String, Map<String, Long>> expected = holds.allExpected();
    Map<String, Map<String, Long>> inMotion = holds.allInMotion();
    Map<String, List<OfferHolds.StoppedStep>> stopped = holds.allStopped();
    Map<String, KnownWallets.Known> rows = knownWallets();
    TreeSet<String> ids = new TreeSet<>(rows.keySet());
    ids.addAll(files(dir));
    expected.keySet().stream().filter(WalletIds::isWellFormed).forEach(ids::add);

    int budget = ProofSample.budget(config.sample(), lastProofCount, config.interval());
    ProofSample sample = new ProofSample(sampleStart, budget);
    long spentSince =
        (lastStart == null ? started.minus(config.interval()) : lastStart)
            .toInstant()
            .toEpochMilli();
    List<SampledProof> spent = new ArrayList<>();

    Run run = new Run();
    for (String id : ids) {
      KnownWallets.Known row = rows.get(id);
      String role = row == null ? "UNRECORDED" : row.role();
      long snapshot = row == null ? 0 : row.snapshot();
      Map<String, Long> due = expected.getOrDefault(id, Map.of());
      Path file = dir.resolve(id + ".sqlite");
      run.checked++;
      if (!Files.exists(file)) {
        missing(run, id, role, snapshot, due);
        continue;
      }
      WalletFile wallet;
      try {
        wallet =
            SqliteWalletFiles.read(
                id, file, sample, spentSince, Math.max(0, budget - spent.size()));
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.FINE, "Cannot read wallet file " + id, e);
        run.add(
            new Finding(
                FindingKind.FILE_UNREADABLE,
                id,
                0,
                null,
                null,
                null,
                null,
                "the file could not be read: " + e.getClass().getSimpleName()),
            new WalletLine(id, role, false, Ledger.EMPTY, snapshot, 0, sum(due)));
        continue;
      }
      spent.addAll(wallet.recentlySpent());
      Ledger ledger = wallet.ledger();
      run.total = run.total.plus(ledger);
      List<Finding> found = new ArrayList<>();
      if (ledger.difference() != 0) {
        found.add(
            new Finding(
                FindingKind.JOURNAL_DIFFERENCE,
                id,
                ledger.difference(),
                null,
                null,
                null,
                null,
                "the file holds "
                    + ledger.holdings()
                    + " sats, its journal says "
                    + ledger.expected()));
      }
      found.addAll(holdFindings(id, wallet.reservedByOwner(), due, inMotion));
      found.addAll(stoppedFindings(id, wallet.reservedByOwner(), stopped));
      WalletLine line =
          new WalletLine(id, role, true, ledger, snapshot, sum(wallet.reservedByOwner()), sum(due));
      for (Finding f : found) {
        run.add(f, line);
      }
    }
    long filesDifference = run.total.difference();
    checkAtMint(run, dir, sample.chosen(), spent);
    sampleStart = sample.nextStart();
    lastProofCount = sample.seen();
    lastStart = started;
    long duration = (System.nanoTime() - t0) / 1_000_000;
    return new ReconciliationReport(
        UUID.randomUUID().toString(),
        started,
        duration,
        run.checked,
        run.missing,
        run.total,
        filesDifference + run.missingSats,
        filesDifference,
        run.missingSats,
        run.holdMismatch,
        run.proofsChecked,
        run.proofsWrong,
        run.mintAnswered,
        run.findings,
        new TreeMap<>(run.counts),
        List.copyOf(run.listed),
        List.copyOf(run.lines.values()));
  }

  private void missing(Run run, String id, String role, long snapshot, Map<String, Long> due) {
    if (snapshot <= 0 && due.isEmpty()) {
      return; // never held money, or a file deleted when empty
    }
    // a second look: a wallet retired in the meantime is gone from the database too
    if (!"TREASURY".equals(role) && !"UNRECORDED".equals(role) && known.find(id).isEmpty()) {
      return;
    }
    long held = sum(due);
    run.missing++;
    run.missingSats -= snapshot;
    run.add(
        new Finding(
            FindingKind.FILE_MISSING,
            id,
            -snapshot,
            null,
            null,
            null,
            null,
            "the shared database says the wallet holds "
                + snapshot
                + " sats"
                + (due.isEmpty()
                    ? ""
                    : " and " + due.size() + " offer hold(s) of " + held + " sats are in it")
                + "; its file is gone (restore it from the master secret)"),
        new WalletLine(id, role, false, Ledger.EMPTY, snapshot, 0, held));
  }

  /**
   * The hold findings of one wallet, confirmed by a second look at the offers: an offer funded or
   * settled between the first look and the file's read is not flagged.
   */
  private List<Finding> holdFindings(
      String id,
      Map<String, Long> reserved,
      Map<String, Long> due,
      Map<String, Map<String, Long>> inMotion) {
    List<Finding> first = HoldCheck.compare(id, reserved, due, inMotion.getOrDefault(id, Map.of()));
    if (first.isEmpty()) {
      return first;
    }
    Set<String> seen = new HashSet<>();
    first.forEach(f -> seen.add(f.kind() + " " + f.owner()));
    List<Finding> again =
        HoldCheck.compare(id, reserved, holds.expectedHolds(id), holds.inMotion(id));
    return again.stream().filter(f -> seen.contains(f.kind() + " " + f.owner())).toList();
  }

  /**
   * The stopped settlements paying out of an empty hold of this wallet, confirmed by a second look
   * at the settlements: one that went on between the first look and the file's read is not flagged.
   */
  private List<Finding> stoppedFindings(
      String id, Map<String, Long> reserved, Map<String, List<OfferHolds.StoppedStep>> stopped) {
    List<Finding> first = HoldCheck.stopped(id, reserved, stopped.getOrDefault(id, List.of()));
    if (first.isEmpty()) {
      return first;
    }
    Set<String> seen = new HashSet<>();
    first.forEach(f -> seen.add(f.offerId() + " " + f.owner()));
    return HoldCheck.stopped(id, reserved, holds.stopped(id)).stream()
        .filter(f -> seen.contains(f.offerId() + " " + f.owner()))
        .toList();
  }

  /** NUT-07: the sample must be UNSPENT, the recently spent proofs SPENT. */
  private void checkAtMint(Run run, Path dir, List<SampledProof> sample, List<SampledProof> spent) {
    List<SampledProof> all = new ArrayList<>(sample);
    all.addAll(spent);
    Map<String, List<SampledProof>> suspects = new TreeMap<>();
    Map<SampledProof, ProofStatus> statuses = new HashMap<>();
    for (int from = 0; from < all.size(); from += CHECK_BATCH) {
      List<SampledProof> batch = all.subList(from, Math.min(all.size(), from + CHECK_BATCH));
      List<ProofCheck> checks;
      try {
        checks = mint.client().checkState(batch.stream().map(SampledProof::y).toList());
      } catch (RuntimeException e) {
        run.mintAnswered = false;
        LOG.log(
            Level.INFO,
            "Reconciliation: the mint did not answer a proof check ({0}); {1} proof(s) unchecked",
            new Object[] {e.getClass().getSimpleName(), all.size() - from});
        break;
      }
      Map<String, ProofStatus> byY = new HashMap<>();
      checks.forEach(c -> byY.put(c.y(), c.status()));
      for (SampledProof p : batch) {
        ProofStatus status = byY.get(p.y());
        if (status == null) {
          continue; // the mint left it out: unchecked
        }
        run.proofsChecked++;
        boolean wrong =
            "spent".equals(p.state())
                ? status == ProofStatus.UNSPENT
                : status != ProofStatus.UNSPENT;
        if (wrong) {
          statuses.put(p, status);
          suspects.computeIfAbsent(p.walletId(), w -> new ArrayList<>()).add(p);
        }
      }
    }
    for (Map.Entry<String, List<SampledProof>> wallet : suspects.entrySet()) {
      Map<String, String> now;
      try {
        now =
            SqliteWalletFiles.states(
                dir.resolve(wallet.getKey() + ".sqlite"),
                wallet.getValue().stream().map(SampledProof::y).toList());
      } catch (SQLException | RuntimeException e) {
        now = Map.of(); // the first reading stands
      }
      for (SampledProof p : wallet.getValue()) {
        String state = now.getOrDefault(p.y(), p.state());
        boolean stillExpected =
            "spent".equals(p.state())
                ? "spent".equals(state)
                : "ready".equals(state) || "reserved".equals(state);
        if (!stillExpected) {
          continue; // the wallet moved it since: no finding
        }
        run.proofsWrong++;
        boolean spentInFile = "spent".equals(p.state());
        run.add(
            new Finding(
                spentInFile ? FindingKind.SPENT_PROOF_UNSPENT : FindingKind.PROOF_NOT_UNSPENT,
                p.walletId(),
                p.amount(),
                Finding.offerOf(p.owner()),
                p.owner(),
                p.operationId(),
                p.y(),
                "the file says "
                    + p.state()
                    + ", the mint says "
                    + statuses.get(p)
                    + (spentInFile
                        ? ": spendable ecash the wallet wrote off"
                        : ": the wallet counts sats it cannot spend")),
            null);
      }
    }
  }

  private Map<String, KnownWallets.Known> knownWallets() {
    Map<String, KnownWallets.Known> rows = new TreeMap<>();
    String after = null;
    while (true) {
      List<KnownWallets.Known> page = known.page(after, ROW_PAGE);
      page.forEach(k -> rows.put(k.walletId(), k));
      if (page.size() < ROW_PAGE) {
        break;
      }
      after = page.get(page.size() - 1).walletId();
    }
    known.treasury().ifPresent(t -> rows.put(t.walletId(), t));
    return rows;
  }

  private static Set<String> files(Path dir) {
    Set<String> ids = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return ids;
    }
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "*.sqlite")) {
      for (Path p : listing) {
        String name = p.getFileName().toString();
        String id = name.substring(0, name.length() - ".sqlite".length());
        if (WalletIds.isWellFormed(id)) {
          ids.add(id);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list WALLET_DIR " + dir, e);
    }
    return ids;
  }

  private static long sum(Map<String, Long> sats) {
    return sats.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void log(ReconciliationReport r) {
    if (r.clean()) {
      LOG.log(
          Level.INFO,
          "Reconciliation {0}: balanced; {1} wallet(s), {2} sats held, {3} proof(s) checked at the"
              + " mint{4}",
          new Object[] {
            r.id(),
            String.valueOf(r.walletsChecked()),
            String.valueOf(r.total().holdings()),
            String.valueOf(r.proofsChecked()),
            r.mintAnswered() ? "" : " (the mint did not answer every check)"
          });
      return;
    }
    Map<FindingKind, Integer> kinds = new EnumMap<>(FindingKind.class);
    Set<String> wallets = new LinkedHashSet<>();
    for (Finding f : r.findings()) {
      kinds.merge(f.kind(), 1, Integer::sum);
      if (wallets.size() < 5) {
        wallets.add(f.walletId());
      }
    }
    LOG.log(
        Level.WARNING,
        "Reconciliation {0}: NOT BALANCED: difference {1} sats, holds off by {2} sats, {3}"
            + " proof(s) in a wrong state, {4} finding(s) {5} in wallet(s) {6}; details: GET"
            + " /api/admin/reconciliations/latest",
        new Object[] {
          r.id(),
          String.valueOf(r.differenceSats()),
          String.valueOf(r.holdMismatchSats()),
          String.valueOf(r.proofsWrongState()),
          String.valueOf(r.findingsTotal()),
          kinds,
          wallets
        });
  }

  /** The figures of one run as it goes. */
  private static final class Run {
    int checked;
    int missing;
    long missingSats;
    long holdMismatch;
    int proofsChecked;
    int proofsWrong;
    boolean mintAnswered = true;
    int findings;
    final Map<String, Integer> counts = new TreeMap<>();
    Ledger total = Ledger.EMPTY;
    final List<Finding> listed = new ArrayList<>();
    final Map<String, WalletLine> lines = new TreeMap<>();

    void add(Finding finding, WalletLine line) {
      findings++;
      counts.merge(finding.kind().name(), 1, Integer::sum);
      if (finding.kind() == FindingKind.HOLD_MISSING
          || finding.kind() == FindingKind.HOLD_UNCLAIMED
          || finding.kind() == FindingKind.SETTLEMENT_STOPPED) {
        holdMismatch += Math.abs(finding.sats());
      }
      if (counts.get(finding.kind().name()) <= MAX_LISTED) {
        listed.add(finding);
      }
      if (line != null && (lines.size() < MAX_LISTED || lines.containsKey(line.walletId()))) {
        lines.put(line.walletId(), line);
      }
    }
  }
}

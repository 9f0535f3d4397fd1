package org.openpleb.cashu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;

class SqliteWalletStoreTest {

  @TempDir Path dir;
  Path file;
  SqliteWalletStore store;

  @BeforeEach
  void open() {
    file = dir.resolve("wallets").resolve("w.db");
    store = SqliteWalletStore.open(file);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static StoredProof proof(String secret, long amount, ProofState state, String owner) {
    return new StoredProof(
        new Proof(
            amount, "00abc", secret, "02" + "11".repeat(32), new DleqProof("e", "s", "r"), null),
        "y-" + secret,
        state,
        owner,
        null,
        "op-0");
  }

  private long total(ProofState state) {
    return store.totals().get(state);
  }

  @Test
  void fileIsOwnerOnlyWalModeAndVersioned() throws Exception {
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertEquals("wal", rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        rs.next();
        assertEquals(SqliteWalletStore.SCHEMA_VERSION, rs.getInt(1));
      }
      try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
        rs.next();
        assertEquals(1024, rs.getInt(1), "new files get 1 KiB pages");
      }
    }
    assertEquals("1", store.meta("schema_version").orElseThrow());
    store.putMeta("k", "v");
    Path wal = Path.of(file + "-wal");
    assertTrue(Files.exists(wal), "WAL file in use");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)));
  }

  @Test
  void refusesAFileFromANewerSchema() throws Exception {
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    WalletStoreException e =
        assertThrows(WalletStoreException.class, () -> SqliteWalletStore.open(file));
    assertTrue(e.getMessage().contains("99"));
    store = SqliteWalletStore.open(dir.resolve("other.db"));
  }

  @Test
  void aFileWithLargerPagesKeepsThemAndItsData() throws Exception {
    Path old = dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = 4096");
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("CREATE TABLE scratch (x INTEGER)");
    }
    try (SqliteWalletStore reopened = SqliteWalletStore.open(old)) {
      reopened.addProofs(List.of(proof("a", 8, ProofState.READY, null)));
    }
    try (SqliteWalletStore reopened = SqliteWalletStore.open(old);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA page_size")) {
      assertEquals(8, reopened.totals().get(ProofState.READY));
      rs.next();
      assertEquals(4096, rs.getInt(1), "an existing file keeps its page size");
    }
  }

  @Test
  void dataSurvivesReopening() {
    store.addProofs(List.of(proof("a", 8, ProofState.READY, null)));
    store.putMeta("mint_url", "http://mint");
    store.close();
    store = SqliteWalletStore.open(file);
    assertEquals(8, total(ProofState.READY));
    assertEquals("http://mint", store.meta("mint_url").orElseThrow());
    StoredProof p = store.proofs(ProofState.READY).get(0);
    assertEquals("a", p.secret());
    assertEquals(new DleqProof("e", "s", "r"), p.proof().dleq());
  }

  @Test
  void countersAreHandedOutOnceAndNeverGoBack() {
    assertEquals(0, store.takeCounters("k", 3));
    assertEquals(3, store.takeCounters("k", 2));
    assertEquals(5, store.counter("k"));
    store.raiseCounter("k", 2);
    assertEquals(5, store.counter("k"));
    store.raiseCounter("k", 40);
    assertEquals(40, store.takeCounters("k", 1));
    assertEquals(0, store.counter("other"));
  }

  @Test
  void holdingIsAllOrNothing() {
    store.addProofs(
        List.of(proof("a", 1, ProofState.READY, null), proof("b", 2, ProofState.READY, null)));
    store.hold(List.of("a"), ProofState.READY, null, "op-1");
    assertThrows(
        ProofsUnavailableException.class,
        () -> store.hold(List.of("b", "a"), ProofState.READY, null, "op-2"));
    // b was not left held by the refused attempt
    assertEquals(2, total(ProofState.READY));
    assertEquals(1, total(ProofState.INFLIGHT));
    assertEquals(List.of("a"), store.heldBy("op-1").stream().map(StoredProof::secret).toList());
    assertTrue(store.heldBy("op-2").isEmpty());
  }

  @Test
  void releasingGivesReservedProofsBackToTheirOwner() {
    store.addProofs(
        List.of(proof("a", 4, ProofState.READY, null), proof("b", 8, ProofState.READY, null)));
    store.reserve(List.of("b"), "offer-1");
    assertEquals(8, total(ProofState.RESERVED));
    store.hold(List.of("b"), ProofState.RESERVED, "offer-1", "op-1");
    store.hold(List.of("a"), ProofState.READY, null, "op-1");
    assertEquals(12, total(ProofState.INFLIGHT));
    assertEquals(2, store.release("op-1"));
    assertEquals(4, total(ProofState.READY));
    assertEquals(8, store.reservedFor("offer-1").get(0).amount());
  }

  @Test
  void reservedProofsCanOnlyBeHeldForTheirOwner() {
    store.addProofs(List.of(proof("a", 4, ProofState.READY, null)));
    store.reserve(List.of("a"), "offer-1");
    assertThrows(
        ProofsUnavailableException.class,
        () -> store.hold(List.of("a"), ProofState.RESERVED, "offer-2", "op"));
    assertThrows(
        ProofsUnavailableException.class,
        () -> store.hold(List.of("a"), ProofState.READY, null, "op"));
    assertThrows(ProofsUnavailableException.class, () -> store.reserve(List.of("a"), "offer-2"));
    assertEquals(4, store.unreserve("offer-1"));
    assertEquals(4, total(ProofState.READY));
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    assertThrows(
        IllegalStateException.class,
        () ->
            store.writeVoid(
                () -> {
                  store.addProofs(List.of(proof("a", 1, ProofState.READY, null)));
                  store.takeCounters("k", 5);
                  throw new IllegalStateException("crash");
                }));
    assertEquals(0, total(ProofState.READY));
    assertEquals(0, store.counter("k"));
  }

  @Test
  void nestedWritesJoinTheOuterTransaction() {
    assertThrows(
        IllegalStateException.class,
        () ->
            store.writeVoid(
                () -> {
                  store.writeVoid(() -> store.takeCounters("k", 5));
                  throw new IllegalStateException("outer fails after inner finished");
                }));
    assertEquals(0, store.counter("k"));
  }

  @Test
  void orphanedHoldingsAreReleased() {
    store.addProofs(
        List.of(proof("a", 1, ProofState.READY, null), proof("b", 2, ProofState.READY, null)));
    store.insertOperation(
        new OperationRecord(
            "live", OperationKind.SEND, OperationState.EXECUTING, null, "{}", 0, 0, null, 0, 0));
    store.hold(List.of("a"), ProofState.READY, null, "live");
    store.hold(List.of("b"), ProofState.READY, null, "gone");
    assertEquals(1, store.releaseOrphans());
    assertEquals(2, total(ProofState.READY));
    assertEquals(1, total(ProofState.INFLIGHT));
  }

  @Test
  void operationsMoveThroughTheirStates() {
    store.insertOperation(
        new OperationRecord(
            "op",
            OperationKind.MINT,
            OperationState.EXECUTING,
            "q1",
            "{\"a\":1}",
            0,
            0,
            null,
            0,
            0));
    assertEquals(1, store.operations(OperationState.EXECUTING).size());
    assertEquals("op", store.operationsForQuote("q1").get(0).id());
    store.updateOperation("op", OperationState.DONE, null, 64, 1, null);
    OperationRecord op = store.operation("op").orElseThrow();
    assertEquals(OperationState.DONE, op.state());
    assertEquals("{\"a\":1}", op.payloadJson());
    assertEquals(64, op.amount());
    assertTrue(store.operations(OperationState.EXECUTING, OperationState.PENDING).isEmpty());
    assertThrows(
        WalletStoreException.class,
        () -> store.updateOperation("nope", OperationState.DONE, null, 0, 0, null));
  }

  @Test
  void keysetKeysAreKeptWhenOnlyTheSummaryChanges() {
    TreeMap<BigInteger, String> keys =
        new TreeMap<>(Map.of(BigInteger.ONE, "02aa", BigInteger.TWO, "02bb"));
    store.saveKeyset(new Keyset("01ks", "sat", true, 100, null, keys));
    store.saveKeyset(new Keyset("01ks", "sat", false, 100, null, null));
    Keyset k = store.keyset("01ks").orElseThrow();
    assertFalse(k.active());
    assertEquals(keys, k.keys());
    assertEquals(100, k.inputFeePpk());
  }

  @Test
  void spentProofsLeaveTheBalance() {
    store.addProofs(
        List.of(proof("a", 1, ProofState.READY, null), proof("b", 2, ProofState.INFLIGHT, null)));
    assertEquals(1, store.markSpent(List.of("b", "missing")));
    assertEquals(2, total(ProofState.SPENT));
    assertEquals(1, total(ProofState.READY));
    assertEquals(0, total(ProofState.INFLIGHT));
    // adding a proof that is already stored changes nothing
    assertEquals(0, store.addProofs(List.of(proof("b", 2, ProofState.READY, null))));
    assertEquals(1, total(ProofState.READY));
  }

  @Test
  void closedStoreRefusesWork() {
    store.close();
    assertThrows(WalletStoreException.class, () -> store.totals());
    store = SqliteWalletStore.open(file);
  }
}

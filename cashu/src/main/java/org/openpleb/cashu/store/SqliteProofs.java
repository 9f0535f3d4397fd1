package org.openpleb.cashu.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Proof;

/**
 * The proofs table of a wallet file. Every move between states is a conditional update that reports
 * how many rows it moved, so a lost race is told apart from success.
 */
final class SqliteProofs {

  private final SqliteFile db;

  SqliteProofs(SqliteFile db) {
    this.db = db;
  }

  /**
   * Adds proofs; a proof whose secret is already stored is left as it is.
   *
   * @return how many were new
   */
  int addProofs(Collection<StoredProof> proofs) {
    return db.write(
        () -> {
          int added = 0;
          long now = db.now();
          for (StoredProof sp : proofs) {
            Proof p = sp.proof();
            DleqProof d = p.dleq();
            added +=
                db.update(
                    "INSERT OR IGNORE INTO proofs (secret, y, keyset_id, amount, c, dleq_e, dleq_s,"
                        + " r, witness, state, owner, used_by_op, created_by_op, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                      ps.setString(1, p.secret());
                      ps.setString(2, sp.y());
                      ps.setString(3, p.id());
                      ps.setLong(4, p.amount());
                      ps.setString(5, p.C());
                      ps.setString(6, d == null ? null : d.e());
                      ps.setString(7, d == null ? null : d.s());
                      ps.setString(8, d == null ? null : d.r());
                      ps.setString(9, p.witness());
                      ps.setString(10, sp.state().column());
                      ps.setString(11, sp.owner());
                      ps.setString(12, sp.usedByOp());
                      ps.setString(13, sp.createdByOp());
                      ps.setLong(14, now);
                      ps.setLong(15, now);
                    });
          }
          return added;
        });
  }

  private static StoredProof proofRow(ResultSet rs) throws SQLException {
    String e = rs.getString("dleq_e");
    DleqProof dleq = e == null ? null : new DleqProof(e, rs.getString("dleq_s"), rs.getString("r"));
    Proof p =
        new Proof(
            rs.getLong("amount"),
            rs.getString("keyset_id"),
            rs.getString("secret"),
            rs.getString("c"),
            dleq,
            rs.getString("witness"));
    return new StoredProof(
        p,
        rs.getString("y"),
        ProofState.ofColumn(rs.getString("state")),
        rs.getString("owner"),
        rs.getString("used_by_op"),
        rs.getString("created_by_op"));
  }

  /** Proofs in a state, smallest first. */
  List<StoredProof> proofs(ProofState state) {
    return db.query(
        "SELECT * FROM proofs WHERE state = ? ORDER BY amount, secret",
        ps -> ps.setString(1, state.column()),
        SqliteProofs::proofRow);
  }

  /** Every proof the wallet has ever stored. */
  List<StoredProof> allProofs() {
    return db.query(
        "SELECT * FROM proofs ORDER BY created_at, secret", ps -> {}, SqliteProofs::proofRow);
  }

  /** Proofs reserved for {@code owner}, smallest first. */
  List<StoredProof> reservedFor(String owner) {
    return db.query(
        "SELECT * FROM proofs WHERE state = 'reserved' AND owner = ? ORDER BY amount, secret",
        ps -> ps.setString(1, owner),
        SqliteProofs::proofRow);
  }

  /** Proofs an operation holds in flight. */
  List<StoredProof> heldBy(String opId) {
    return db.query(
        "SELECT * FROM proofs WHERE state = 'inflight' AND used_by_op = ? ORDER BY amount, secret",
        ps -> ps.setString(1, opId),
        SqliteProofs::proofRow);
  }

  /** Proofs an operation used, whatever their state now (e.g. spent inputs). */
  List<StoredProof> usedBy(String opId) {
    return db.query(
        "SELECT * FROM proofs WHERE used_by_op = ? ORDER BY amount, secret",
        ps -> ps.setString(1, opId),
        SqliteProofs::proofRow);
  }

  /** The stored proofs among the given secrets. */
  List<StoredProof> proofsBySecret(Collection<String> secrets) {
    if (secrets.isEmpty()) {
      return List.of();
    }
    List<String> list = List.copyOf(secrets);
    return db.query(
        "SELECT * FROM proofs WHERE secret IN (" + SqliteFile.placeholders(list.size()) + ")",
        ps -> {
          for (int i = 0; i < list.size(); i++) {
            ps.setString(i + 1, list.get(i));
          }
        },
        SqliteProofs::proofRow);
  }

  /**
   * Hands proofs to an operation: {@code from} (ready, or reserved for {@code owner}) becomes
   * inflight held by {@code opId}. All or nothing: throws if any proof was not available.
   */
  void hold(Collection<String> secrets, ProofState from, String owner, String opId) {
    if (from != ProofState.READY && from != ProofState.RESERVED) {
      throw new IllegalArgumentException("only ready or reserved proofs can be held");
    }
    updateEachOrNone(
        secrets,
        "UPDATE proofs SET state = 'inflight', used_by_op = ?, updated_at = ?"
            + " WHERE secret = ? AND state = ? AND used_by_op IS NULL"
            + " AND owner IS ?",
        (ps, secret, now) -> {
          ps.setString(1, opId);
          ps.setLong(2, now);
          ps.setString(3, secret);
          ps.setString(4, from.column());
          ps.setString(5, from == ProofState.READY ? null : owner);
        });
  }

  /** Moves in-flight proofs from one operation to another (a reclaim taking over a send). */
  void transfer(Collection<String> secrets, String fromOp, String toOp) {
    updateEachOrNone(
        secrets,
        "UPDATE proofs SET used_by_op = ?, updated_at = ?"
            + " WHERE secret = ? AND state = 'inflight' AND used_by_op = ?",
        (ps, secret, now) -> {
          ps.setString(1, toOp);
          ps.setLong(2, now);
          ps.setString(3, secret);
          ps.setString(4, fromOp);
        });
  }

  /**
   * Gives back what an operation holds: reserved proofs return to their owner, the rest become
   * ready.
   *
   * @return how many proofs were released
   */
  int release(String opId) {
    return db.update(
        "UPDATE proofs SET state = CASE WHEN owner IS NULL THEN 'ready' ELSE 'reserved' END,"
            + " used_by_op = NULL, updated_at = ? WHERE state = 'inflight' AND used_by_op = ?",
        ps -> {
          ps.setLong(1, db.now());
          ps.setString(2, opId);
        });
  }

  /**
   * Releases proofs held by an operation that is no longer open (or does not exist): a holding left
   * behind must not lock ecash forever.
   *
   * @return how many proofs were released
   */
  int releaseOrphans() {
    return db.update(
        "UPDATE proofs SET state = CASE WHEN owner IS NULL THEN 'ready' ELSE 'reserved' END,"
            + " used_by_op = NULL, updated_at = ? WHERE state = 'inflight' AND (used_by_op IS NULL"
            + " OR used_by_op NOT IN (SELECT id FROM operations"
            + " WHERE state IN ('executing', 'pending')))",
        ps -> ps.setLong(1, db.now()));
  }

  /** Marks proofs spent (the mint said so, or the operation that spent them finished). */
  int markSpent(Collection<String> secrets) {
    return db.write(
        () -> {
          int n = 0;
          long now = db.now();
          for (String secret : secrets) {
            n +=
                db.update(
                    "UPDATE proofs SET state = 'spent', owner = NULL, updated_at = ?"
                        + " WHERE secret = ? AND state <> 'spent'",
                    ps -> {
                      ps.setLong(1, now);
                      ps.setString(2, secret);
                    });
          }
          return n;
        });
  }

  /** Sets ready proofs aside for {@code owner}; all or nothing. */
  void reserve(Collection<String> secrets, String owner) {
    updateEachOrNone(
        secrets,
        "UPDATE proofs SET state = 'reserved', owner = ?, updated_at = ?"
            + " WHERE secret = ? AND state = 'ready' AND used_by_op IS NULL",
        (ps, secret, now) -> {
          ps.setString(1, owner);
          ps.setLong(2, now);
          ps.setString(3, secret);
        });
  }

  /**
   * Ends {@code owner}'s reservation: its reserved proofs become ready, and proofs of its that are
   * in flight will come back ready.
   *
   * @return the sats made spendable now
   */
  long unreserve(String owner) {
    return db.write(
        () -> {
          long amount =
              db.query(
                      "SELECT COALESCE(SUM(amount), 0) FROM proofs"
                          + " WHERE state = 'reserved' AND owner = ?",
                      ps -> ps.setString(1, owner),
                      rs -> rs.getLong(1))
                  .get(0);
          db.update(
              "UPDATE proofs SET state = CASE WHEN state = 'reserved' THEN 'ready' ELSE state END,"
                  + " owner = NULL, updated_at = ? WHERE owner = ? AND state IN"
                  + " ('reserved', 'inflight')",
              ps -> {
                ps.setLong(1, db.now());
                ps.setString(2, owner);
              });
          return amount;
        });
  }

  /** Clears the owner of proofs that leave a reservation for good (sent to someone else). */
  void disown(Collection<String> secrets) {
    db.writeVoid(
        () -> {
          for (String secret : secrets) {
            db.update(
                "UPDATE proofs SET owner = NULL WHERE secret = ? AND state = 'inflight'",
                ps -> ps.setString(1, secret));
          }
        });
  }

  /** Sats per proof state. */
  Map<ProofState, Long> totals() {
    Map<ProofState, Long> totals = new EnumMap<>(ProofState.class);
    for (ProofState s : ProofState.values()) {
      totals.put(s, 0L);
    }
    db.query(
            "SELECT state, SUM(amount) FROM proofs GROUP BY state",
            ps -> {},
            rs -> Map.entry(ProofState.ofColumn(rs.getString(1)), rs.getLong(2)))
        .forEach(e -> totals.put(e.getKey(), e.getValue()));
    return totals;
  }

  /** Binds one proof's statement: its secret and the transaction's time. */
  @FunctionalInterface
  private interface ProofBinder {
    void bind(PreparedStatement ps, String secret, long now) throws SQLException;
  }

  /**
   * Runs {@code sql} for each secret in one transaction, all or nothing: every run must change
   * exactly one row, else nothing changes and {@link ProofsUnavailableException} says a proof was
   * not in the state the statement asks for.
   */
  private void updateEachOrNone(Collection<String> secrets, String sql, ProofBinder binder) {
    db.writeVoid(
        () -> {
          long now = db.now();
          for (String secret : secrets) {
            if (db.update(sql, ps -> binder.bind(ps, secret, now)) != 1) {
              throw new ProofsUnavailableException();
            }
          }
        });
  }
}

package org.openpleb.ee.web.offer;

import java.util.List;
import org.openpleb.ee.offer.AuditChain;
import org.openpleb.ee.offer.AuditRecord;

/**
 * An offer's audit log as a hash chain the parties can check themselves: for every entry, hash =
 * SHA-256(previous hash as 32 bytes || UTF-8 bytes of entry), starting from 32 zero bytes. A party
 * who keeps the head hash can later tell whether the log was rewritten.
 *
 * @param offerId the offer
 * @param algorithm how each hash is computed
 * @param genesis the hash before the first entry
 * @param head the hash of the latest entry
 * @param valid whether the server's own check of the chain passed
 * @param entries the entries, oldest first
 */
public record AuditLog(
    String offerId,
    String algorithm,
    String genesis,
    String head,
    boolean valid,
    List<Entry> entries) {

  /** The hash rule, as clients should apply it. */
  static final String ALGORITHM = "sha256(hex_decode(prevHash) || utf8(entry))";

  static AuditLog of(String offerId, List<AuditRecord> records) {
    List<Entry> entries =
        records.stream()
            .map(r -> new Entry(r.seq(), r.action(), r.entry(), r.previousHash(), r.hash()))
            .toList();
    boolean valid =
        AuditChain.firstBrokenLink(records.stream().map(AuditRecord::link).toList()) < 0;
    String head = records.isEmpty() ? AuditChain.GENESIS : records.get(records.size() - 1).hash();
    return new AuditLog(offerId, ALGORITHM, AuditChain.GENESIS, head, valid, entries);
  }

  /**
   * One entry.
   *
   * @param seq its position, from 1
   * @param action what happened
   * @param entry the canonical JSON text the hash covers
   * @param prevHash the previous entry's hash
   * @param hash this entry's hash
   */
  public record Entry(int seq, String action, String entry, String prevHash, String hash) {}
}

package org.openpleb.client.offer;

import java.util.List;

/**
 * An offer's audit log as a hash chain: hash = SHA-256(previous hash as 32 bytes || UTF-8 bytes of
 * entry), from 32 zero bytes. Keep the head to notice a rewrite later.
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

  /**
   * One entry.
   *
   * @param seq its position, from 1
   * @param action what happened, e.g. {@code CLAIM}
   * @param entry the canonical JSON text the hash covers
   * @param prevHash the previous entry's hash
   * @param hash this entry's hash
   */
  public record Entry(int seq, String action, String entry, String prevHash, String hash) {}
}

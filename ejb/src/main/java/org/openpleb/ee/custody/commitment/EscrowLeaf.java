package org.openpleb.ee.custody.commitment;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One leaf of the escrow commitment: one hold of one offer and the proofs that back it.
 *
 * <p>Its hash is SHA-256 over exactly these bytes (big-endian integers):
 *
 * <pre>
 * 0x00                              1 byte, marks a leaf
 * salt                              32 bytes
 * len(offerId)                      2 bytes, the length of the UTF-8 offer id in bytes
 * offerId                           UTF-8
 * kind                              1 byte: 0x01 ESCROW, 0x02 BOND
 * amount                            8 bytes, the hold's sats
 * n                                 4 bytes, the number of proofs
 * n times: Y || amount              33 bytes (the compressed point) and 8 bytes, in the listed order
 * </pre>
 *
 * The salt is 32 random bytes per leaf and per commitment, given only to the offer's parties: a
 * sibling hash alone (all another party sees of this leaf) cannot be tested against guesses of the
 * offer, its amount or its proofs.
 *
 * @param offerId the offer's id
 * @param kind which hold of the offer
 * @param amount the hold's sats: the sum of the proofs' amounts
 * @param proofs the proofs backing it, in the order the hash covers them
 * @param salt 64 lower-case hex characters (32 bytes)
 */
public record EscrowLeaf(
    String offerId, HoldKind kind, long amount, List<LeafProof> proofs, String salt) {

  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern SALT = Pattern.compile("[0-9a-f]{64}");

  /** Byte that starts a leaf's preimage. */
  static final int LEAF_TAG = 0x00;

  /** Requires every part; the amount must be the proofs' sum. */
  public EscrowLeaf {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(salt, "salt");
    proofs = List.copyOf(proofs);
    if (offerId.isEmpty() || offerId.getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
      throw new IllegalArgumentException("an offer id of 1 to 65535 bytes");
    }
    if (!SALT.matcher(salt).matches()) {
      throw new IllegalArgumentException("the salt is 32 bytes in lower-case hex");
    }
    long sum = 0;
    for (LeafProof proof : proofs) {
      sum = Math.addExact(sum, proof.amount());
    }
    if (proofs.isEmpty() || amount != sum) {
      throw new IllegalArgumentException("a leaf's amount is the sum of its proofs");
    }
  }

  /** The bytes the leaf hash covers, as the type's documentation lays them out. */
  public byte[] preimage() {
    byte[] id = offerId.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(80 + id.length + 41 * proofs.size());
    out.write(LEAF_TAG);
    out.writeBytes(HEX.parseHex(salt));
    out.writeBytes(ByteBuffer.allocate(2).putShort((short) id.length).array());
    out.writeBytes(id);
    out.write(kind.code());
    out.writeBytes(ByteBuffer.allocate(8).putLong(amount).array());
    out.writeBytes(ByteBuffer.allocate(4).putInt(proofs.size()).array());
    for (LeafProof proof : proofs) {
      out.writeBytes(HEX.parseHex(proof.y()));
      out.writeBytes(ByteBuffer.allocate(8).putLong(proof.amount()).array());
    }
    return out.toByteArray();
  }

  /** The leaf as a tree node: SHA-256 of its preimage, and its amount as the node's sum. */
  public SumNode node() {
    return new SumNode(HEX.formatHex(MerkleSumTree.sha256(preimage())), amount);
  }
}

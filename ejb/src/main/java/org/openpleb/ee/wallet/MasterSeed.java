package org.openpleb.ee.wallet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's master secret, from which every session wallet's seed is derived: the 64-byte seed
 * of wallet {@code id} is HMAC-SHA512(master, UTF-8 bytes of id). Whoever holds it can rebuild any
 * wallet from the mint (NUT-13 restore), so it is never logged, never put in a message, and {@link
 * #toString()} hides it.
 *
 * <p>Production sets it with {@code OPENPLEB_MASTER_SEED} (hex, at least 32 bytes). A quick start
 * without it gets a generated secret kept in a file readable by the owner only; losing that file
 * loses the ability to restore wallets.
 */
public final class MasterSeed {

  /** The fewest bytes a master secret may have. */
  public static final int MIN_BYTES = 32;

  /** The label of {@link #answerKey()}; wallet ids never contain a space. */
  static final String ANSWER_KEY_LABEL = "openpleb idempotent-answer key v1";

  /** The label of {@link #settlementTokenKey()}. */
  static final String SETTLEMENT_TOKEN_KEY_LABEL = "openpleb settlement-token key v1";

  /** The label of {@link #quoteKey()}. */
  static final String QUOTE_KEY_LABEL = "openpleb mint-quote key v1";

  /** The label of {@link #quoteIndexKey()}. */
  static final String QUOTE_INDEX_KEY_LABEL = "openpleb mint-quote index v1";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final byte[] secret;
  private final boolean generated;

  private MasterSeed(byte[] secret, boolean generated) {
    this.secret = secret;
    this.generated = generated;
  }

  /**
   * The master secret given as hex text.
   *
   * @param setting the name the value came from, for the error message (the value never appears)
   * @throws IllegalArgumentException if the text is not hex of at least {@link #MIN_BYTES} bytes
   */
  public static MasterSeed fromHex(String hex, String setting) {
    String text = hex == null ? "" : hex.trim().toLowerCase(Locale.ROOT);
    byte[] bytes;
    try {
      bytes = text.length() % 2 == 0 ? HexFormat.of().parseHex(text) : null;
    } catch (IllegalArgumentException e) {
      bytes = null;
    }
    if (bytes == null || bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          setting
              + " must be hex of at least "
              + MIN_BYTES
              + " bytes ("
              + 2 * MIN_BYTES
              + " hex characters); the value given is not (it is not shown)");
    }
    return new MasterSeed(bytes, false);
  }

  /**
   * The secret kept in {@code file}, created with {@link #MIN_BYTES} random bytes (as hex, owner
   * read/write only) when the file does not exist yet. An existing file readable by others is
   * tightened to owner-only.
   */
  public static MasterSeed loadOrCreate(Path file, SecureRandom random) {
    Objects.requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      boolean created = false;
      if (!Files.exists(file)) {
        byte[] bytes = new byte[MIN_BYTES];
        random.nextBytes(bytes);
        created = create(file, HexFormat.of().formatHex(bytes) + "\n");
      }
      restrict(file);
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      MasterSeed seed = fromHex(text, "The master seed file " + file);
      return new MasterSeed(seed.secret, created);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the master seed in " + file, e);
    }
  }

  private static boolean create(Path file, String content) throws IOException {
    try {
      if (posix()) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException raced) {
      // another instance created it first: use theirs
      return false;
    }
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    return true;
  }

  private static void restrict(Path file) throws IOException {
    if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Whether this secret was generated just now (a first quick start). */
  public boolean generated() {
    return generated;
  }

  /** The 64-byte NUT-13 seed of wallet {@code walletId}. */
  public byte[] walletSeed(String walletId) {
    Objects.requireNonNull(walletId, "walletId");
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(secret, "HmacSHA512"));
      return mac.doFinal(walletId.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA512 is part of every Java platform", e);
    }
  }

  /**
   * The 32-byte key that seals stored idempotent answers: HMAC-SHA256(master, {@value
   * #ANSWER_KEY_LABEL}). Another hash and a label no wallet id can take keep it apart from every
   * wallet seed.
   */
  public byte[] answerKey() {
    return labelledKey(ANSWER_KEY_LABEL);
  }

  /**
   * The 32-byte key that seals the token a settlement step carries between sending and receiving:
   * HMAC-SHA256(master, {@value #SETTLEMENT_TOKEN_KEY_LABEL}), apart from every other key.
   */
  public byte[] settlementTokenKey() {
    return labelledKey(SETTLEMENT_TOKEN_KEY_LABEL);
  }

  /**
   * The 32-byte key that seals the mint quote ids the quote ledger keeps: HMAC-SHA256(master,
   * {@value #QUOTE_KEY_LABEL}), apart from every other key.
   */
  public byte[] quoteKey() {
    return labelledKey(QUOTE_KEY_LABEL);
  }

  /**
   * The 32-byte key of the quote ledger's lookup hash of a quote id: HMAC-SHA256(master, {@value
   * #QUOTE_INDEX_KEY_LABEL}), so the stored hash cannot be matched to a quote id without the master
   * secret.
   */
  public byte[] quoteIndexKey() {
    return labelledKey(QUOTE_INDEX_KEY_LABEL);
  }

  private byte[] labelledKey(String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "MasterSeed[redacted]";
  }
}

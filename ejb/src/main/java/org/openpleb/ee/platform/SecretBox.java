package org.openpleb.ee.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a secret the server must store (a bearer token a retry or a resumed settlement needs again)
 * unreadable to whoever reads the database: AES-256-GCM under a 32-byte key derived from the master
 * secret, a random 96-bit nonce per sealing, and associated data that binds the sealed text to the
 * row it belongs to, so it cannot be moved to another row. A sealed text reads {@value #PREFIX}
 * followed by base64 of nonce and ciphertext; JSON and Cashu tokens never start that way, so rows
 * written before sealing existed are told apart.
 */
public final class SecretBox {

  /** Marks a sealed text. */
  public static final String PREFIX = "sealed1:";

  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  /**
   * A box under {@code key}.
   *
   * @param key 32 bytes derived from the master secret for one purpose; copied
   */
  public SecretBox(byte[] key, SecureRandom random) {
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a sealing key must have 32 bytes");
    }
    this.key = new SecretKeySpec(Arrays.copyOf(key, KEY_BYTES), "AES");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Whether {@code text} is sealed (as opposed to stored before sealing existed). */
  public static boolean sealed(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /** {@code text} sealed and bound to {@code associatedData}. */
  public String seal(String text, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
      cipher.updateAAD(associatedData);
      sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java platform", e);
    }
    byte[] stored = new byte[NONCE_BYTES + sealed.length];
    System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
    System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
    return PREFIX + Base64.getEncoder().encodeToString(stored);
  }

  /**
   * The text a sealed value holds.
   *
   * @throws IllegalStateException when it does not open: altered, moved to another row (other
   *     associated data), truncated or sealed under another key
   */
  public String open(String stored, byte[] associatedData) {
    if (!sealed(stored)) {
      throw new IllegalStateException("not a sealed value");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new IllegalStateException("A sealed value is truncated");
      }
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES));
      cipher.updateAAD(associatedData);
      byte[] text = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(text, StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new IllegalStateException("A sealed value does not open", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java platform", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }

  @Override
  public String toString() {
    return "SecretBox[redacted]";
  }
}

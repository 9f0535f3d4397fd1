package org.openpleb.bench.client;

import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The operator account the benchmark configures on the server it starts, so it can read {@code GET
 * /api/admin/capacity}: a throwaway password and its PBKDF2 hash in the encoding the server's
 * {@code OPENPLEB_ADMIN_PASSWORD_HASH} expects ({@code algorithm:iterations:base64(salt):
 * base64(key)}).
 */
public final class AdminCredentials {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final int ITERATIONS = 210_000;

  private AdminCredentials() {}

  /** The hash of {@code password} with a fresh random salt. */
  public static String hash(String password) {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
    try {
      byte[] key = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
      Base64.Encoder b64 = Base64.getEncoder();
      return ALGORITHM
          + ":"
          + ITERATIONS
          + ":"
          + b64.encodeToString(salt)
          + ":"
          + b64.encodeToString(key);
    } catch (java.security.NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Logs the operator in; the admin bearer token, or empty when refused. */
  public static Optional<String> login(ApiClient api, String user, String password) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("user", user);
    body.put("password", password);
    ApiResponse r = api.post("POST /api/admin/sessions", "/api/admin/sessions", null, body);
    return r.ok() ? Optional.ofNullable(r.text("token")) : Optional.empty();
  }
}

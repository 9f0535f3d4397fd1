package org.openpleb.cashu.mint;

import org.openpleb.cashu.CashuException;

/**
 * The mint definitively refused a request ({@code {"detail", "code"}} with HTTP 4xx): nothing was
 * spent and nothing was signed, so the wallet may release the inputs it had set aside.
 *
 * <p>{@link #error()} gives the typed reason, {@link #code()} the raw wire code (which may be a
 * code newer than this client).
 */
public class MintException extends CashuException {

  private final MintError error;
  private final int code;
  private final int httpStatus;
  private final String detail;

  public MintException(int code, String detail, int httpStatus) {
    super(describe(code, detail, httpStatus));
    this.error = MintError.ofCode(code);
    this.code = code;
    this.httpStatus = httpStatus;
    this.detail = detail;
  }

  /** A rejection the wallet decides locally, before asking the mint (e.g. a quote seen unpaid). */
  public MintException(MintError error, String detail) {
    this(error.code(), detail, 0);
  }

  private static String describe(int code, String detail, int httpStatus) {
    String text = detail == null || detail.isBlank() ? "request rejected" : shorten(detail);
    String status = httpStatus > 0 ? ", HTTP " + httpStatus : "";
    return "Mint error " + code + status + ": " + text;
  }

  private static String shorten(String detail) {
    // The detail comes from the mint; keep it short so a misbehaving mint cannot flood logs.
    return detail.length() > 200 ? detail.substring(0, 200) + "…" : detail;
  }

  public MintError error() {
    return error;
  }

  public int code() {
    return code;
  }

  /** The HTTP status of the answer, or 0 when the wallet raised the error itself. */
  public int httpStatus() {
    return httpStatus;
  }

  public String detail() {
    return detail;
  }

  /** Whether this is the given typed error. */
  public boolean is(MintError e) {
    return error == e;
  }
}

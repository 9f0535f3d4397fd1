package org.openpleb.ee.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The stable codes of the API's error contract. Clients branch on the code, never on the wording of
 * a detail; each code fixes the HTTP status and the human title that go with it.
 */
public enum ProblemCode {
  /** The request is malformed in a way no more specific code describes. */
  BAD_REQUEST(400, "Bad request"),
  /** The request body is not JSON, or not JSON of the expected shape. */
  MALFORMED_JSON(400, "Malformed JSON"),
  /** The request is well-formed but its values break a rule. */
  VALIDATION_FAILED(400, "Validation failed"),
  /** No valid session token was presented. */
  UNAUTHORIZED(401, "Unauthorized"),
  /** The session may not do this. */
  FORBIDDEN(403, "Forbidden"),
  /** Nothing lives at this path, or the addressed thing does not exist. */
  NOT_FOUND(404, "Not found"),
  /** The path exists but does not accept this HTTP method. */
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  /** None of the media types the client accepts can be produced. */
  NOT_ACCEPTABLE(406, "Not acceptable"),
  /** The request conflicts with the current state of the addressed thing. */
  CONFLICT(409, "Conflict"),
  /** The request body is larger than allowed. */
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  /** The request body's media type is not accepted here. */
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  /** The client sent too many requests; retry later. */
  TOO_MANY_REQUESTS(429, "Too many requests"),
  /** The server failed unexpectedly; the response carries a correlation id for the logs. */
  INTERNAL_ERROR(500, "Internal error"),
  /** The platform is at capacity or a dependency (the mint, the database) is unavailable. */
  SERVICE_UNAVAILABLE(503, "Service unavailable"),
  /** Written by the front proxy: the request's head or body did not arrive in time. */
  REQUEST_TIMEOUT(408, "Request timeout"),
  /** Written by the front proxy: the request line is longer than it accepts. */
  URI_TOO_LONG(414, "URI too long"),
  /** Written by the front proxy: a header line or the whole head is larger than it accepts. */
  HEADERS_TOO_LARGE(431, "Request headers too large"),
  /** Written by the front proxy: the request uses an HTTP feature it does not implement. */
  NOT_IMPLEMENTED(501, "Not implemented"),
  /** Written by the front proxy: the server behind it gave no valid answer. */
  BAD_GATEWAY(502, "Bad gateway"),
  /** Written by the front proxy: the server behind it did not answer in time. */
  GATEWAY_TIMEOUT(504, "Gateway timeout"),
  /** A login named a challenge this platform never issued, or one purged after it expired. */
  CHALLENGE_UNKNOWN(401, "Unknown login challenge"),
  /** A login reused a challenge that already opened a session. */
  CHALLENGE_USED(401, "Login challenge already used"),
  /** A login came after its challenge expired; ask for a new one. */
  CHALLENGE_EXPIRED(401, "Login challenge expired"),
  /** The login's BIP-340 signature does not verify for the public key and challenge. */
  BAD_SIGNATURE(401, "Bad signature"),
  /** SESSION_LIMIT sessions are live; retry after the Retry-After delay. */
  SESSION_LIMIT_REACHED(503, "Session limit reached"),
  /** The server is at capacity level EMERGENCY and admits no new sessions for now. */
  CAPACITY_EMERGENCY(503, "Capacity emergency"),
  /**
   * The login's proof of work is missing or has fewer leading zero bits than its challenge asks.
   */
  PROOF_OF_WORK_INVALID(401, "Proof of work missing or insufficient"),
  /** The server issued as many login challenges as it allows within one challenge lifetime. */
  CHALLENGE_LIMIT_REACHED(503, "Too many login challenges outstanding"),
  /** The operator configured no admin credentials, so admin login is switched off. */
  ADMIN_LOGIN_DISABLED(403, "Admin login disabled"),
  /** The admin user name or password is wrong. */
  BAD_CREDENTIALS(401, "Bad credentials"),
  /** The request is well-formed but cannot be processed as it stands. */
  UNPROCESSABLE_CONTENT(422, "Unprocessable content"),
  /** The wallet does not hold enough spendable sats for the amount and its fees. */
  INSUFFICIENT_FUNDS(409, "Insufficient funds"),
  /** The token was already claimed by someone (a double spend); nothing was credited. */
  TOKEN_ALREADY_SPENT(409, "Token already spent"),
  /** The token cannot be received: malformed, another mint or unit, locked, or worth no more. */
  TOKEN_REJECTED(400, "Token rejected"),
  /**
   * The token claims what its mint never signs or more than is accepted: an amount its keyset has
   * no coin of, a total above WALLET_MAX_TOKEN_SATS, or more than WALLET_MAX_TOKEN_PROOFS proofs.
   */
  TOKEN_INVALID(400, "Token invalid"),
  /**
   * The receipt's image header is malformed, or the image has more pixels than
   * OFFER_RECEIPT_MAX_PIXELS.
   */
  RECEIPT_INVALID(400, "Receipt invalid"),
  /** The wallet refused the operation in its current state; its funds are unchanged. */
  WALLET_OPERATION_FAILED(409, "Wallet operation failed"),
  /** The mint refused the request, e.g. an invoice already paid or outside its limits. */
  MINT_REJECTED(422, "Mint rejected the request"),
  /** The mint cannot be reached or answered wrongly; nothing moved; retry after Retry-After. */
  MINT_UNAVAILABLE(503, "Mint unavailable"),
  /** The mint stopped answering mid-way; the wallet settles the operation itself, no sats lost. */
  OPERATION_IN_DOUBT(503, "Operation in doubt"),
  /** Every open wallet is in use; retry after Retry-After. */
  WALLET_BUSY(503, "Wallet busy"),
  /**
   * The wallet's file is missing on the server while the shared database says it holds sats: it is
   * not recreated empty; nothing moved, and an operator must restore it from the master secret.
   */
  WALLET_FILE_MISSING(503, "Wallet file missing"),
  /** An Idempotency-Key was sent again with a different request. */
  IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
  /** The first request with this Idempotency-Key is still running; retry after Retry-After. */
  IDEMPOTENCY_IN_PROGRESS(409, "Request in progress"),
  /** No bitcoin price younger than the staleness bound is known, so nothing can be priced. */
  PRICE_UNAVAILABLE(503, "Price unavailable"),
  /** OPENPLEB_EVENTS_MAX_CLIENTS live event streams are open; retry after Retry-After. */
  EVENT_STREAM_LIMIT(503, "Event stream limit reached");

  private static final String TYPE_PREFIX = "urn:openpleb:problem:";

  /**
   * The codes only the front proxy ({@code config/nginx}) writes. The server never answers with
   * them: a status of theirs that reaches the server's error handling keeps the generic code.
   */
  private static final Set<ProblemCode> FRONT_PROXY_ONLY =
      EnumSet.of(
          REQUEST_TIMEOUT,
          URI_TOO_LONG,
          HEADERS_TOO_LARGE,
          NOT_IMPLEMENTED,
          BAD_GATEWAY,
          GATEWAY_TIMEOUT);

  private final int status;
  private final String title;

  ProblemCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  /** The HTTP status that goes with this code. */
  public int status() {
    return status;
  }

  /** A short, fixed, human summary of the problem type. */
  public String title() {
    return title;
  }

  /** The RFC 9457 problem type URI, e.g. {@code urn:openpleb:problem:not-found}. */
  public String type() {
    return TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The generic code for an HTTP status that arrived without a more specific cause: the code whose
   * status matches (first declared wins, the front proxy's own codes left out), else {@link
   * #BAD_REQUEST} for any other 4xx and {@link #INTERNAL_ERROR} for everything else.
   */
  public static ProblemCode forStatus(int status) {
    return Arrays.stream(values())
        .filter(code -> code.status == status && !FRONT_PROXY_ONLY.contains(code))
        .findFirst()
        .orElse(status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR);
  }
}

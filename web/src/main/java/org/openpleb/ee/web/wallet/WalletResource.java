package org.openpleb.ee.web.wallet;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.admission.LimitName;
import org.openpleb.ee.idempotency.IdempotencyScope;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.session.SessionPrincipal;
import org.openpleb.ee.wallet.Cashier;
import org.openpleb.ee.wallet.SentTokens;
import org.openpleb.ee.web.admission.RateLimited;
import org.openpleb.ee.web.auth.Authenticated;
import org.openpleb.ee.web.auth.CurrentSession;
import org.openpleb.ee.web.http.ApiSecurity;
import org.openpleb.ee.web.http.IdempotentReplies;

/**
 * The session's wallet: its balance and the caller's dormant wallets, deposits by Lightning (no
 * polling: the server credits a paid invoice by itself) and by token, withdrawals as a token
 * (optionally locked to the session's key) and by Lightning. Every money request accepts an {@code
 * Idempotency-Key}.
 */
@Path("wallet")
@ApplicationScoped
@Authenticated
@SecurityRequirement(name = ApiSecurity.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {

  /** The idempotency endpoint name of a Lightning deposit. */
  private static final String LIGHTNING_DEPOSIT = "wallet.deposits.lightning";

  private static final String KEY_DESCRIPTION =
      "Any 1-255 visible ASCII characters, new for each distinct request. A retry with the same"
          + " key and body returns the first answer (Idempotent-Replayed: true) and moves no more"
          + " money; the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED, and a"
          + " duplicate sent while the first still runs 409 IDEMPOTENCY_IN_PROGRESS. A retry after"
          + " the server died mid-request gets the outcome of what happened (a withdrawal: the"
          + " same token, the payment as it stands) or, if nothing happened, runs afresh.";

  @EJB Cashier cashier;

  @EJB SentTokens sentTokens;

  @Inject CurrentSession current;

  @Inject IdempotentReplies replies;

  @Context UriInfo uri;

  /** The session's balance and the caller's dormant wallets. */
  @GET
  @Tag(ref = "wallet")
  @Operation(
      summary = "Show the wallet",
      description =
          "spendable, reserved and inflight sats of the session's wallet and the dormant wallets"
              + " of the caller's ended sessions that still hold value. Read from stored balances:"
              + " no wallet is opened.")
  @APIResponse(
      responseCode = "200",
      description = "The session's balance and the dormant wallets",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WalletView.class)))
  public WalletView wallet() {
    return WalletView.of(cashier.overview(session()));
  }

  /** Asks for a Lightning invoice that funds the wallet. */
  @POST
  @Path("deposits/lightning")
  @RateLimited(LimitName.DEPOSIT)
  @Consumes(MediaType.APPLICATION_JSON)
  @Tag(ref = "wallet")
  @Operation(
      summary = "Deposit by Lightning",
      description =
          "Answers 201 with depositId, invoice, amount and expiresAt, and Location: the absolute"
              + " URL of GET /api/wallet/deposits/{depositId}, which shows where the deposit"
              + " stands. Pay the invoice: the server watches it and mints the sats into the"
              + " wallet by itself, no polling needed. MINT_REJECTED (422) when the mint refuses"
              + " the amount.")
  @APIResponse(
      responseCode = "201",
      description = "The deposit's invoice, to pay",
      headers =
          @Header(
              name = HttpHeaders.LOCATION,
              description = "The deposit's URL",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DepositView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "UnprocessableContent")
  public Response depositLightning(
      @Parameter(in = ParameterIn.HEADER, description = KEY_DESCRIPTION)
          @HeaderParam(IdempotentReplies.HEADER)
          String key,
      LightningDepositRequest request) {
    long amount = amount(request == null ? null : request.amount());
    SessionPrincipal session = session();
    String idempotencyKey = IdempotentReplies.normalizedKey(key);
    // the quote ledger remembers the key's scope, so a retry after a crash gets the same invoice
    IdempotencyScope scope =
        idempotencyKey == null
            ? null
            : new IdempotencyScope(session.pubkey(), LIGHTNING_DEPOSIT, idempotencyKey);
    // Location is read from the answer's body, so a replay carries the same one
    return replies.respond(
        idempotencyKey,
        session,
        LIGHTNING_DEPOSIT,
        request,
        path(),
        Response.Status.CREATED,
        deposit ->
            uri.getBaseUriBuilder()
                .path("wallet/deposits/{depositId}")
                .build(deposit.getString("depositId")),
        id -> DepositView.of(cashier.requestLightningDeposit(session, amount, scope)),
        // a retry runs afresh and the quote ledger hands it the first run's invoice (by scope)
        id -> Optional.empty());
  }

  /** Shows one of the caller's Lightning deposits. */
  @GET
  @Path("deposits/{depositId}")
  @Tag(ref = "wallet")
  @Operation(
      summary = "Show a Lightning deposit",
      description =
          "state is PENDING (unpaid), PAID (paid, being minted), CREDITED, EXPIRED or FAILED."
              + " Reading an open deposit asks the mint about its invoice at once (bounded per"
              + " invoice and per user), so a payment is credited by the next read. NOT_FOUND (404)"
              + " for an id that is not one of the caller's deposits.")
  @APIResponse(
      responseCode = "200",
      description = "The deposit",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DepositView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public DepositView deposit(@PathParam("depositId") String depositId) {
    return DepositView.of(cashier.deposit(session(), depositId));
  }

  /** Receives a Cashu token into the wallet. */
  @POST
  @Path("deposits/token")
  @RateLimited(LimitName.DEPOSIT)
  @Consumes(MediaType.APPLICATION_JSON)
  @Tag(ref = "wallet")
  @Operation(
      summary = "Deposit a token",
      description =
          "Swaps a Cashu token of this platform's mint into the wallet; the mint's input fee is"
              + " deducted. TOKEN_ALREADY_SPENT (409) for a token someone claimed already,"
              + " TOKEN_REJECTED (400) for a malformed, foreign, locked or worthless one.")
  @APIResponse(
      responseCode = "200",
      description = "What the token credited",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TokenDepositView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "UnprocessableContent")
  public Response depositToken(
      @Parameter(in = ParameterIn.HEADER, description = KEY_DESCRIPTION)
          @HeaderParam(IdempotentReplies.HEADER)
          String key,
      TokenDepositRequest request) {
    String token = request == null ? null : request.token();
    if (token == null || token.isBlank()) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "token is required");
    }
    SessionPrincipal session = session();
    return replies.respond(
        IdempotentReplies.normalizedKey(key),
        session,
        "wallet.deposits.token",
        request,
        path(),
        Response.Status.OK,
        null,
        id -> TokenDepositView.of(cashier.depositToken(session, token)),
        // received again: a token the dead request received is refused as already spent (409),
        // so nothing is ever credited twice
        id -> Optional.empty());
  }

  /** Withdraws sats as a Cashu token. */
  @POST
  @Path("withdrawals/token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Tag(ref = "wallet")
  @Operation(
      summary = "Withdraw as a token",
      description =
          "Makes a Cashu token of amount sats from the session's wallet, or from one of the"
              + " caller's dormant wallets named by walletId. With lockToSessionKey the token is"
              + " locked (NUT-11) to 02+pubkey of the session, so only the login key can claim it."
              + " INSUFFICIENT_FUNDS (409) when the wallet cannot cover amount and fees; NOT_FOUND"
              + " (404) when walletId is not one of the caller's dormant wallets.")
  @APIResponse(
      responseCode = "200",
      description = "The token; whoever holds it owns the sats",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TokenWithdrawalView.class),
              examples =
                  @ExampleObject(
                      name = "a locked token",
                      value =
                          "{\"walletId\":\"0b9f6c2e-8f1e-4c55-9a57-3d6f2b1c9e40\","
                              + "\"token\":\"cashuB...\",\"amount\":1000,\"fee\":1,"
                              + "\"lockedTo\":\"02"
                              + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                              + "\",\"balance\":{\"spendable\":3999,\"reserved\":0,"
                              + "\"inflight\":1000}}")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "UnprocessableContent")
  public Response withdrawToken(
      @Parameter(in = ParameterIn.HEADER, description = KEY_DESCRIPTION)
          @HeaderParam(IdempotentReplies.HEADER)
          String key,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = TokenWithdrawalRequest.class),
                      examples =
                          @ExampleObject(
                              name = "a token only the login key can claim",
                              value = "{\"amount\":1000,\"lockToSessionKey\":true}")))
          TokenWithdrawalRequest request) {
    long amount = amount(request == null ? null : request.amount());
    boolean lock = request.lockToSessionKey() != null && request.lockToSessionKey();
    SessionPrincipal session = session();
    return replies.respond(
        IdempotentReplies.normalizedKey(key),
        session,
        "wallet.withdrawals.token",
        request,
        path(),
        Response.Status.OK,
        null,
        id ->
            TokenWithdrawalView.of(
                cashier.withdrawToken(session, amount, lock, request.walletId(), id)),
        // the same token again, from the wallet's journal
        id -> cashier.recoverTokenWithdrawal(session, lock, id).map(TokenWithdrawalView::of));
  }

  /** Withdraws sats by paying a Lightning invoice. */
  @POST
  @Path("withdrawals/lightning")
  @Consumes(MediaType.APPLICATION_JSON)
  @Tag(ref = "wallet")
  @Operation(
      summary = "Withdraw by Lightning",
      description =
          "Pays a BOLT11 invoice (a melt) from the session's wallet, or from one of the caller's"
              + " dormant wallets named by walletId. status is PAID, PENDING (still in flight: its"
              + " sats stay in flight until it settles) or FAILED (nothing spent); fee is what the"
              + " payment cost beyond the amount, change what came back of the fee reserve."
              + " INSUFFICIENT_FUNDS (409) when the wallet cannot cover the invoice and the fee"
              + " reserve, MINT_REJECTED (422) when the mint refuses the invoice, NOT_FOUND (404)"
              + " when walletId is not one of the caller's dormant wallets.")
  @APIResponse(
      responseCode = "200",
      description = "How the payment went",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LightningWithdrawalView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "UnprocessableContent")
  public Response withdrawLightning(
      @Parameter(in = ParameterIn.HEADER, description = KEY_DESCRIPTION)
          @HeaderParam(IdempotentReplies.HEADER)
          String key,
      LightningWithdrawalRequest request) {
    if (request == null || request.invoice() == null || request.invoice().isBlank()) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "invoice is required");
    }
    SessionPrincipal session = session();
    return replies.respond(
        IdempotentReplies.normalizedKey(key),
        session,
        "wallet.withdrawals.lightning",
        request,
        path(),
        Response.Status.OK,
        null,
        id ->
            LightningWithdrawalView.of(
                cashier.withdrawLightning(session, request.invoice(), request.walletId(), id)),
        // the payment as it stands now (PAID, PENDING or FAILED), from the wallet's journal
        id ->
            cashier
                .recoverLightningWithdrawal(session, request.walletId(), id)
                .map(LightningWithdrawalView::of));
  }

  /** The caller's withdrawn tokens nobody has claimed yet. */
  @GET
  @Path("tokens")
  @Tag(ref = "wallet")
  @Operation(
      summary = "List unclaimed tokens",
      description =
          "The tokens withdrawn from the caller's wallets (the session's and dormant ones) that"
              + " nobody has claimed yet as far as the server knows, newest first, each with the"
              + " token text so it can be taken again: a client that lost a withdrawal's answer"
              + " finds its token here. limit from 1 to 50 (20 by default), anything else is"
              + " refused with 400. A token stays listed until the mint reports it spent (the"
              + " server checks every WALLET_INFLIGHT_SWEEP_INTERVAL) or it is reclaimed; it is"
              + " never taken back automatically.")
  @APIResponse(
      responseCode = "200",
      description = "The unclaimed tokens, newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = SentTokenView.class)))
  public List<SentTokenView> tokens(
      @Parameter(description = "At most this many tokens, 1 to 50.")
          @QueryParam("limit")
          @DefaultValue("20")
          int limit) {
    return sentTokens.unclaimed(session(), limit).stream().map(SentTokenView::of).toList();
  }

  /** Takes an unclaimed token back into the wallet it came from. */
  @POST
  @Path("tokens/{id}/reclaim")
  @Tag(ref = "wallet")
  @Operation(
      summary = "Reclaim an unclaimed token",
      description =
          "Swaps the token's proofs that the mint reports unspent back into the wallet the token"
              + " came from; the mint's input fee is deducted. Whoever still holds the token can"
              + " no longer redeem it. TOKEN_ALREADY_SPENT (409) when its holder claimed it"
              + " first, CONFLICT (409) when it was reclaimed already, NOT_FOUND (404) for an id"
              + " that is not one of the caller's tokens.")
  @APIResponse(
      responseCode = "200",
      description = "What came back into the wallet",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TokenReclaimView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public TokenReclaimView reclaim(
      @Parameter(description = "The sent token's id, from GET /api/wallet/tokens", required = true)
          @PathParam("id")
          String id) {
    return TokenReclaimView.of(sentTokens.reclaim(session(), id));
  }

  private SessionPrincipal session() {
    return current.principal();
  }

  private String path() {
    return uri.getRequestUri().getRawPath();
  }

  private static long amount(Long amount) {
    if (amount == null || amount <= 0) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "amount is required: a whole number of sats above 0");
    }
    return amount;
  }
}

package org.openpleb.client.wallet;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/wallet}: the session's wallet. {@code authorization} is {@link
 * org.openpleb.client.session.Bearer#of(String)} of a session token; {@code idempotencyKey} is
 * optional (1-255 visible ASCII characters, new for each distinct request): a retry with the same
 * key and body returns the first answer and moves no more money.
 */
@Path("/api/wallet")
@Produces(MediaType.APPLICATION_JSON)
public interface WalletApi {

  /** The session's balance and the caller's dormant wallets. */
  @GET
  Wallet wallet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  /**
   * A Lightning invoice that funds the wallet (201, {@code Location:
   * /api/wallet/deposits/{depositId}}); the server credits it by itself once paid.
   */
  @POST
  @Path("deposits/lightning")
  @Consumes(MediaType.APPLICATION_JSON)
  Deposit depositLightning(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      LightningDepositRequest request);

  /** One of the caller's Lightning deposits. */
  @GET
  @Path("deposits/{depositId}")
  Deposit deposit(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("depositId") String depositId);

  /** Receives a Cashu token of the platform's mint into the wallet. */
  @POST
  @Path("deposits/token")
  @Consumes(MediaType.APPLICATION_JSON)
  TokenDeposit depositToken(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      TokenDepositRequest request);

  /** Withdraws sats as a Cashu token, optionally locked to the session's key. */
  @POST
  @Path("withdrawals/token")
  @Consumes(MediaType.APPLICATION_JSON)
  TokenWithdrawal withdrawToken(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      TokenWithdrawalRequest request);

  /** Withdraws sats by paying a Lightning invoice. */
  @POST
  @Path("withdrawals/lightning")
  @Consumes(MediaType.APPLICATION_JSON)
  LightningWithdrawal withdrawLightning(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      LightningWithdrawalRequest request);

  /**
   * The caller's withdrawn tokens nobody has claimed yet, newest first ({@code limit} 1 to 50),
   * each with its text: where a client finds a token whose withdrawal answer it lost.
   */
  @GET
  @Path("tokens")
  List<SentToken> tokens(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("limit") @DefaultValue("20") int limit);

  /**
   * Takes an unclaimed token back into its wallet; 409 TOKEN_ALREADY_SPENT when its holder claimed
   * it first.
   */
  @POST
  @Path("tokens/{id}/reclaim")
  TokenReclaim reclaimToken(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);
}

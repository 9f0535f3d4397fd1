package org.openpleb.client.offer;

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
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /api/offers}: the order book and the trade. {@code authorization} is {@link
 * org.openpleb.client.session.Bearer#of(String)} of a session token ({@code null} on the public
 * reads for an anonymous request); {@code idempotencyKey} is optional: a retry with the same key
 * and body gets the first answer again and changes nothing more ({@code null} sends none).
 */
@Path("/api/offers")
@Produces(MediaType.APPLICATION_JSON)
public interface OffersApi {

  /** The order book: funded offers, newest first, public fields only; page from 0, size 1-100. */
  @GET
  OrderBookPage book(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("fiatProvider") String fiatProvider,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size);

  /** Creates an offer (201, {@code Location: /api/offers/{id}}), in {@code CREATED}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  Offer create(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      CreateOfferRequest request);

  /** The caller's own offers, newest first; limit 1-100. */
  @GET
  @Path("mine")
  List<Offer> mine(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("limit") @DefaultValue("50") int limit);

  /** One offer: the public fields, or all of it for its parties and the admin. */
  @GET
  @Path("{id}")
  Offer offer(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);

  /** The maker asks for the Lightning invoice that funds the offer ({@code INVOICE_CREATED}). */
  @POST
  @Path("{id}/invoice")
  Offer invoice(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @PathParam("id") String id);

  /** The maker funds the offer from the wallet or a posted token ({@code INVOICE_PAID}). */
  @POST
  @Path("{id}/funding")
  @Consumes(MediaType.APPLICATION_JSON)
  Offer fund(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @PathParam("id") String id,
      FundingRequest request);

  /** A taker claims a funded offer with a bond ({@code CLAIMED}); 409 for a lost race. */
  @POST
  @Path("{id}/claim")
  @Consumes(MediaType.APPLICATION_JSON)
  Offer claim(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @PathParam("id") String id,
      ClaimRequest request);

  /**
   * The taker posts the receipt image (201, {@code Location: /api/offers/{id}/receipt}); {@code
   * contentType} is {@code image/png}, {@code image/jpeg} or {@code image/webp}.
   */
  @POST
  @Path("{id}/receipt")
  @Consumes({"image/png", "image/jpeg", "image/webp"})
  Offer postReceipt(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] image);

  /**
   * The receipt image, for the parties and the admin: its bytes ({@code readEntity(byte[].class)})
   * and its content type ({@code getMediaType()}).
   */
  @GET
  @Path("{id}/receipt")
  @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
  Response receipt(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);

  /** The maker's verdict: {@code APPROVE} completes and settles, {@code ISSUE} asks the taker. */
  @POST
  @Path("{id}/feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  Offer feedback(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("id") String id,
      FeedbackRequest request);

  /** The taker's answer to an issue: {@code COUNTER} disputes it, {@code FORFEIT} gives up. */
  @POST
  @Path("{id}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  Offer answer(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("id") String id,
      AnswerRequest request);

  /** The offer's audit log as a hash chain, for its parties and the admin. */
  @GET
  @Path("{id}/audit")
  AuditLog audit(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);
}

package org.openpleb.ee.web.offer;

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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.admission.LimitName;
import org.openpleb.ee.offer.Offer;
import org.openpleb.ee.offer.OfferView;
import org.openpleb.ee.offer.OrderBook;
import org.openpleb.ee.offer.PartyView;
import org.openpleb.ee.offer.Receipt;
import org.openpleb.ee.offer.ReceiptImage;
import org.openpleb.ee.offer.Role;
import org.openpleb.ee.offer.TradeConfig;
import org.openpleb.ee.offer.Trader;
import org.openpleb.ee.offer.Trading;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.admission.RateLimited;
import org.openpleb.ee.web.auth.Authenticated;
import org.openpleb.ee.web.auth.CurrentSession;
import org.openpleb.ee.web.http.ApiSecurity;
import org.openpleb.ee.web.http.IdempotentReplies;
import org.openpleb.ee.web.request.BoundedInputStream;

/**
 * Offers and their trade over HTTP. Anyone reads the order book; a session creates, funds, claims
 * and answers offers; the parties and the admin read receipts and audit logs.
 */
@Path("offers")
@ApplicationScoped
@Tag(name = "offers")
public class OffersResource {

  @EJB Trading trading;

  @Inject OrderBook orderBook;

  @Inject CurrentSession current;

  @Inject Callers callers;

  @Context HttpHeaders headers;

  @Inject TradeConfig config;

  @Inject IdempotentReplies replies;

  @Context UriInfo uri;

  private static final String KEY =
      "Optional. Any 1-255 visible ASCII characters, new for each distinct request: a retry with"
          + " the same key and body gets the first answer again (Idempotent-Replayed: true) and"
          + " changes nothing more; the same key with another body is refused (422).";

  /** Lists the order book. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Order book",
      description =
          "Funded offers waiting for a taker, newest first, public fields only. Filter by"
              + " fiatProvider; page from 0, size 1 to 100. Pages are kept in memory for"
              + " OFFER_BOOK_CACHE_TTL ms (1 s by default); a change to the book drops them at"
              + " once on the server that made it.")
  public OrderBookPage book(
      @QueryParam("fiatProvider") String fiatProvider,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    OrderBook.Page book = orderBook.page(fiatProvider, page, size);
    return new OrderBookPage(book.offers(), page, size, book.total());
  }

  /** Creates an offer. */
  @POST
  @RateLimited(LimitName.OFFER)
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Create an offer",
      description =
          "fiatAmount in the currency's minor units (positive, at most OPENPLEB_MAX_FIAT_AMOUNT"
              + " whole units), qrCode (1 to 2048 characters), optional fiatProvider. The sats,"
              + " fees and bond are computed at the current price and frozen on the offer; 503"
              + " PRICE_UNAVAILABLE when the price is stale. Answers 201 with the offer in"
              + " CREATED; fund it within OFFER_TIMEOUT_CREATED seconds.")
  public Response create(
      @Parameter(in = ParameterIn.HEADER, description = KEY) @HeaderParam(IdempotentReplies.HEADER)
          String key,
      CreateOfferRequest request) {
    if (request == null || request.fiatAmount() == null) {
      throw invalid("fiatAmount and qrCode are required");
    }
    return once(
        key,
        "offers.create",
        request,
        Response.Status.CREATED,
        () ->
            OfferDetails.of(
                trading.create(
                    trader(), request.fiatAmount(), request.qrCode(), request.fiatProvider()),
                Role.MAKER.name(),
                null));
  }

  /** The caller's own offers. */
  @GET
  @Path("mine")
  @Authenticated
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "My offers",
      description =
          "Offers the session's key made or took, newest first, as the parties see them; limit"
              + " from 1 to 100 (50 by default), anything else is refused with 400.")
  public List<PartyView> mine(@QueryParam("limit") @DefaultValue("50") int limit) {
    return trading.ofParty(current.principal().pubkey(), limit).stream()
        .map(PartyView::of)
        .toList();
  }

  /** One offer: its public fields, or all of it for a party or the admin. */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "One offer",
      description =
          "Anyone gets the public fields; with the bearer token of the maker, the taker or the"
              + " admin the whole offer (QR code, invoice, verdicts) and its settlement.")
  public Response offer(@PathParam("id") String id) {
    Offer offer = trading.visible(id);
    Optional<String> role = roleOf(offer);
    if (role.isEmpty()) {
      return Response.ok(OfferView.of(offer)).build();
    }
    return Response.ok(details(offer, role.get())).build();
  }

  /** Asks for the Lightning invoice that funds the offer. */
  @POST
  @Path("{id}/invoice")
  @Authenticated
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Fund by Lightning",
      description =
          "The maker gets a BOLT11 invoice for the offer's funding (S + P + T + B). No polling"
              + " is needed: once it is paid the server mints the escrow into the maker's wallet"
              + " and the offer becomes INVOICE_PAID. Paid after the offer expired, the sats are"
              + " credited to the maker's wallet.")
  public Response invoice(
      @Parameter(in = ParameterIn.HEADER, description = KEY) @HeaderParam(IdempotentReplies.HEADER)
          String key,
      @PathParam("id") String id) {
    return once(
        key,
        "offers.invoice",
        Map.of("offer", id),
        Response.Status.OK,
        () -> details(trading.requestInvoice(id, trader()), Role.MAKER.name()));
  }

  /** Funds the offer from the wallet balance or a posted token. */
  @POST
  @Path("{id}/funding")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Fund from the wallet or a token",
      description =
          "source BALANCE reserves the funding from the session wallet's spendable sats; source"
              + " TOKEN receives the posted Cashu token into the wallet and reserves the funding"
              + " from it. The offer becomes INVOICE_PAID.")
  public Response fund(
      @Parameter(in = ParameterIn.HEADER, description = KEY) @HeaderParam(IdempotentReplies.HEADER)
          String key,
      @PathParam("id") String id,
      FundingRequest request) {
    if (request == null || request.source() == null) {
      throw invalid("source is required: BALANCE or TOKEN");
    }
    FundingSource source = request.source();
    return once(
        key,
        "offers.funding",
        Map.of(
            "offer", id, "source", source.name(), "token", Objects.toString(request.token(), "")),
        Response.Status.OK,
        () ->
            details(
                switch (source) {
                  case BALANCE -> trading.fundFromBalance(id, trader());
                  case TOKEN -> trading.fundWithToken(id, trader(), request.token());
                },
                Role.MAKER.name()));
  }

  /** Claims a funded offer. */
  @POST
  @Path("{id}/claim")
  @Authenticated
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Claim an offer",
      description =
          "Reserves the bond B from the session wallet (or from a posted bondToken) and takes"
              + " the offer: of concurrent claims exactly one wins, the others get 409 with"
              + " nothing reserved. A maker cannot claim their own offer (403). The taker then"
              + " pays the QR code and posts the receipt within OFFER_TIMEOUT_CLAIMED seconds.")
  public Response claim(
      @Parameter(in = ParameterIn.HEADER, description = KEY) @HeaderParam(IdempotentReplies.HEADER)
          String key,
      @PathParam("id") String id,
      ClaimRequest request) {
    String token = request == null ? null : request.bondToken();
    if (token != null && token.isBlank()) {
      // An empty token is not "no token": a client that meant to post one must not have its
      // balance taken instead.
      throw invalid(
          "bondToken: leave it out to post the bond from your balance, or send a Cashu token");
    }
    return once(
        key,
        "offers.claim",
        Map.of("offer", id, "bondToken", Objects.toString(token, "")),
        Response.Status.OK,
        () -> details(trading.claim(id, trader(), token), Role.TAKER.name()));
  }

  /** Posts the receipt image. */
  @POST
  @Path("{id}/receipt")
  @Authenticated
  @Consumes({"image/png", "image/jpeg", "image/webp"})
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Post the receipt",
      description =
          "The taker uploads a PNG, JPEG or WebP image of the payment confirmation, at most"
              + " OFFER_RECEIPT_MAX_BYTES (5 MB) and OFFER_RECEIPT_MAX_PIXELS (40 MP) as its header"
              + " states, while the offer is CLAIMED and before its deadline; anyone else is"
              + " refused before the image is read. Only the maker, the taker and the admin can"
              + " read it.")
  public Response receipt(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body)
      throws IOException {
    Trader taker = trader();
    // Who may post is decided before the body is read: a refused body is only dropped, a buffer
    // at a time, so the client that is still sending it receives the refusal.
    try {
      trading.requireReceiptExpected(id, taker);
    } catch (DomainException refused) {
      if (body != null) {
        BoundedInputStream.drain(body);
      }
      throw refused;
    }
    int max = config.receiptMaxBytes();
    byte[] bytes = body == null ? new byte[0] : body.readNBytes(max + 1);
    if (bytes.length > max) {
      BoundedInputStream.drain(body);
      throw new DomainException(
          ProblemCode.PAYLOAD_TOO_LARGE, "A receipt may be at most " + max + " bytes");
    }
    Offer offer =
        trading.submitReceipt(
            id, taker, new ReceiptImage(contentType == null ? "" : contentType, bytes));
    return Response.status(Response.Status.CREATED)
        .entity(details(offer, Role.TAKER.name()))
        .build();
  }

  /** Reads the receipt image. */
  @GET
  @Path("{id}/receipt")
  @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Read the receipt",
      description = "The receipt image, for the offer's maker and taker and the admin only (403).")
  public Response readReceipt(@PathParam("id") String id) {
    Caller caller = callers.identify(headers);
    Receipt receipt = trading.receipt(id, caller.pubkey(), caller.admin());
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setPrivate(true);
    ReceiptImage image = receipt.image();
    return Response.ok(image.bytes(), image.contentType())
        .cacheControl(noStore)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** The maker's verdict on the receipt. */
  @POST
  @Path("{id}/feedback")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Approve or report an issue",
      description =
          "verdict APPROVE completes the trade and settles it at once (the taker gets S + T + B,"
              + " the maker B back, the platform P); verdict ISSUE marks it with an issue for the"
              + " taker to answer. Only the maker, while RECEIPT_SUBMITTED and before its"
              + " deadline (after it the receipt is approved by default).")
  public OfferDetails feedback(@PathParam("id") String id, FeedbackRequest request) {
    if (request == null || request.verdict() == null) {
      throw invalid("verdict is required: APPROVE or ISSUE");
    }
    Offer offer =
        switch (request.verdict()) {
          case APPROVE -> trading.approve(id, trader(), request.feedback());
          case ISSUE -> trading.markIssue(id, trader(), request.feedback());
        };
    return details(offer, Role.MAKER.name());
  }

  /** The taker's answer to the maker's issue. */
  @POST
  @Path("{id}/answer")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Counter or forfeit",
      description =
          "response COUNTER disputes the issue and waits for the admin; response FORFEIT gives"
              + " up: the maker gets the funding back and the taker's bond is forfeited. Only the"
              + " taker, while MARKED_WITH_ISSUE and before its deadline.")
  public OfferDetails answer(@PathParam("id") String id, AnswerRequest request) {
    if (request == null || request.response() == null) {
      throw invalid("response is required: COUNTER or FORFEIT");
    }
    Offer offer =
        switch (request.response()) {
          case COUNTER -> trading.counter(id, trader(), request.message());
          case FORFEIT -> trading.forfeit(id, trader(), request.message());
        };
    return details(offer, Role.TAKER.name());
  }

  /** The offer's audit chain. */
  @GET
  @Path("{id}/audit")
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Audit log",
      description =
          "Every change of the offer as a hash chain, for its parties and the admin: hash ="
              + " SHA-256(32 bytes of the previous hash || UTF-8 of entry), from 32 zero bytes."
              + " Recompute it to verify; keep the head to notice a rewrite later.")
  public AuditLog audit(@PathParam("id") String id) {
    Caller caller = callers.identify(headers);
    return AuditLog.of(id, trading.audit(id, caller.pubkey(), caller.admin()));
  }

  /** Runs {@code work} once per Idempotency-Key (or simply runs it without one). */
  private Response once(
      String key, String endpoint, Object request, Response.Status status, Supplier<?> work) {
    return replies.respond(
        IdempotentReplies.normalizedKey(key),
        current.principal(),
        endpoint,
        request,
        uri.getRequestUri().getRawPath(),
        status,
        work);
  }

  private OfferDetails details(Offer offer, String role) {
    return OfferDetails.of(offer, role, trading.settlement(offer.id()).orElse(null));
  }

  private Optional<String> roleOf(Offer offer) {
    Caller caller = callers.identify(headers);
    if (caller.admin()) {
      return Optional.of(Role.ADMIN.name());
    }
    return caller.session().flatMap(s -> offer.roleOf(s.pubkey())).map(Role::name);
  }

  private Trader trader() {
    return Trader.of(current.principal());
  }

  private static DomainException invalid(String message) {
    return new DomainException(ProblemCode.VALIDATION_FAILED, message);
  }
}

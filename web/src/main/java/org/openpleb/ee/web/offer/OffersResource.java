package org.openpleb.ee.web.offer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
import org.openpleb.ee.offer.FundingMethod;
import org.openpleb.ee.offer.FundingWatcher;
import org.openpleb.ee.offer.Offer;
import org.openpleb.ee.offer.OrderBook;
import org.openpleb.ee.offer.Receipt;
import org.openpleb.ee.offer.ReceiptImage;
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
 * and answers offers; the parties and the admin read receipts and audit logs. Every answer about an
 * offer is the one {@link OfferRepresentation}.
 */
@Path("offers")
@ApplicationScoped
@Tag(name = "offers")
public class OffersResource {

  @EJB Trading trading;

  @EJB FundingWatcher watcher;

  @Inject OrderBook orderBook;

  @Inject CurrentSession current;

  @Inject Callers callers;

  @Inject OfferMapper mapper;

  @Context HttpHeaders headers;

  @Inject TradeConfig config;

  @Inject IdempotentReplies replies;

  @Context UriInfo uri;

  private static final String KEY =
      "Optional. Any 1-255 visible ASCII characters, new for each distinct request: a retry with"
          + " the same key and body gets the first answer again (Idempotent-Replayed: true) and"
          + " changes nothing more; the same key with another body is refused (422).";

  private static final String OFFER_ID = "The offer's id.";

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
  @APIResponse(
      responseCode = "200",
      description = "A page of the order book.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrderBookPage.class)))
  public OrderBookPage book(
      @Parameter(description = "Only offers with this bank or payment app label.")
          @QueryParam("fiatProvider")
          String fiatProvider,
      @Parameter(description = "The page, from 0.") @QueryParam("page") @DefaultValue("0") int page,
      @Parameter(description = "Offers per page, 1 to 100.") @QueryParam("size") @DefaultValue("20")
          int size) {
    OrderBook.Page book = orderBook.page(fiatProvider, page, size);
    return new OrderBookPage(
        book.offers().stream().map(OfferRepresentation::open).toList(), page, size, book.total());
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
              + " CREATED and its URL in Location; fund it within OFFER_TIMEOUT_CREATED seconds."
              + " 409 when the session already holds OFFER_OPEN_LIMIT open offers.")
  @APIResponse(
      responseCode = "201",
      description = "The new offer, as its maker sees it.",
      headers =
          @Header(
              name = HttpHeaders.LOCATION,
              description = "The offer's URL, /api/offers/{id}.",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "UnprocessableContent")
  public Response create(
      @Parameter(in = ParameterIn.HEADER, description = KEY) @HeaderParam(IdempotentReplies.HEADER)
          String key,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = CreateOfferRequest.class),
                      examples =
                          @ExampleObject(
                              name = "worked-example",
                              summary = "100,000 KRW paid to a bank QR code",
                              value =
                                  "{\"fiatAmount\": 100000, \"qrCode\":"
                                      + " \"00020101021126330014kr.co.bank0111234567890\","
                                      + " \"fiatProvider\": \"toss\"}")))
          CreateOfferRequest request) {
    if (request == null || request.fiatAmount() == null) {
      throw invalid("fiatAmount and qrCode are required");
    }
    return once(
        key,
        "offers.create",
        request,
        Response.Status.CREATED,
        created -> offerUri(created.getString("id"), ""),
        () ->
            mapper.forParty(
                trading.create(
                    trader(), request.fiatAmount(), request.qrCode(), request.fiatProvider()),
                PartyRole.MAKER),
        // an offer nobody saw holds no sats and expires unfunded: the retry creates it anew
        () -> Optional.empty());
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
  @APIResponse(
      responseCode = "200",
      description = "The caller's offers, each with the caller's role.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = OfferRepresentation.class)))
  public List<OfferRepresentation> mine(
      @Parameter(description = "At most this many offers, 1 to 100.")
          @QueryParam("limit")
          @DefaultValue("50")
          int limit) {
    String pubkey = current.principal().pubkey();
    return trading.ofParty(pubkey, limit).stream()
        .map(offer -> mapper.forParty(offer, roleOf(offer, pubkey).orElseThrow()))
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
              + " admin the whole offer (QR code, invoice, verdicts), the caller's role and its"
              + " settlement. The maker's read of an offer whose invoice is unpaid asks the mint"
              + " about it at once (bounded per invoice and per user), so a payment shows on the"
              + " next read.")
  @APIResponse(
      responseCode = "200",
      description = "The offer, as the caller may see it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public OfferRepresentation offer(
      @Parameter(description = OFFER_ID, required = true) @PathParam("id") String id) {
    Offer read = trading.visible(id);
    Caller caller = callers.identify(headers);
    // its maker is waiting for the payment: the invoice is looked at now, show what that found
    Offer offer =
        caller.pubkey().map(read.makerPubkey()::equals).orElse(false)
                && watcher.lookOnRead(read, read.makerPubkey())
            ? trading.visible(id)
            : read;
    Optional<PartyRole> role =
        caller.admin()
            ? Optional.of(PartyRole.ADMIN)
            : caller.pubkey().flatMap(pubkey -> roleOf(offer, pubkey));
    return role.map(r -> mapper.forParty(offer, r)).orElseGet(() -> mapper.open(offer));
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
          "The maker gets a BOLT11 invoice for the offer's funding (S + P + T + B), in the"
              + " offer's invoice field. No polling is needed: once it is paid the server mints"
              + " the escrow into the maker's wallet and the offer becomes INVOICE_PAID. Paid"
              + " after the offer expired, the sats are credited to the maker's wallet. Only the"
              + " maker (403), while CREATED (409).")
  @APIResponse(
      responseCode = "200",
      description = "The offer in INVOICE_CREATED with its invoice.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "UnprocessableContent")
  public Response invoice(
      @Parameter(in = ParameterIn.HEADER, description = KEY) @HeaderParam(IdempotentReplies.HEADER)
          String key,
      @Parameter(description = OFFER_ID, required = true) @PathParam("id") String id) {
    return once(
        key,
        "offers.invoice",
        Map.of("offer", id),
        Response.Status.OK,
        null,
        () -> mapper.forParty(trading.requestInvoice(id, trader()), PartyRole.MAKER),
        // the offer with the invoice the dead request got (it is recorded before it is answered)
        () -> asMaker(id, offer -> offer.invoice().isPresent() && offer.quoteId().isPresent()));
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
              + " from it. The offer becomes INVOICE_PAID. Only the maker (403), while CREATED"
              + " (409); 409 INSUFFICIENT_FUNDS or TOKEN_ALREADY_SPENT when the sats are not"
              + " there, 422 MINT_REJECTED when the mint refuses the token.")
  @APIResponse(
      responseCode = "200",
      description = "The offer in INVOICE_PAID.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "UnprocessableContent")
  public Response fund(
      @Parameter(in = ParameterIn.HEADER, description = KEY) @HeaderParam(IdempotentReplies.HEADER)
          String key,
      @Parameter(description = OFFER_ID, required = true) @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = FundingRequest.class),
                      examples = {
                        @ExampleObject(
                            name = "balance",
                            summary = "From the session wallet's spendable sats",
                            value = "{\"source\": \"BALANCE\"}"),
                        @ExampleObject(
                            name = "token",
                            summary = "With a Cashu token worth at least the funding",
                            value = "{\"source\": \"TOKEN\", \"token\": \"cashuBo2FteB...\"}")
                      }))
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
        null,
        () ->
            mapper.forParty(
                switch (source) {
                  case BALANCE -> trading.fundFromBalance(id, trader());
                  case TOKEN -> trading.fundWithToken(id, trader(), request.token());
                },
                PartyRole.MAKER),
        // committed: the offer the funding made; not committed: its attempt is undone by the
        // sweeper (or refused while it runs) and the retry funds afresh
        () ->
            asMaker(
                id,
                offer ->
                    offer
                        .fundingMethod()
                        .map(FundingMethod::name)
                        .orElse("")
                        .equals(source.name())));
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
              + " nothing reserved. A maker cannot claim their own offer (403). 409 also when the"
              + " offer is not INVOICE_PAID, the bond is not there (INSUFFICIENT_FUNDS) or the"
              + " session holds OFFER_CLAIM_LIMIT claims. The taker then pays the QR code and"
              + " posts the receipt within OFFER_TIMEOUT_CLAIMED seconds.")
  @APIResponse(
      responseCode = "200",
      description = "The offer in CLAIMED, as its taker sees it (with the QR code to pay).",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "UnprocessableContent")
  public Response claim(
      @Parameter(in = ParameterIn.HEADER, description = KEY) @HeaderParam(IdempotentReplies.HEADER)
          String key,
      @Parameter(description = OFFER_ID, required = true) @PathParam("id") String id,
      @RequestBody(
              required = false,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ClaimRequest.class),
                      examples = {
                        @ExampleObject(
                            name = "balance",
                            summary = "The bond from the session wallet",
                            value = "{}"),
                        @ExampleObject(
                            name = "token",
                            summary = "The bond as a Cashu token",
                            value = "{\"bondToken\": \"cashuBo2FteB...\"}")
                      }))
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
        null,
        () -> mapper.forParty(trading.claim(id, trader(), token), PartyRole.TAKER),
        // committed: the caller is the taker and the answer is the offer as its taker sees it (a
        // taker told "client error" would post no receipt and forfeit the bond)
        () -> asTaker(id));
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
              + " states, while the offer is CLAIMED and before its deadline (409); anyone else is"
              + " refused (403) before the image is read. Answers 201 with the offer in"
              + " RECEIPT_SUBMITTED and the receipt's URL in Location. Only the maker, the taker"
              + " and the admin can read it.")
  @APIResponse(
      responseCode = "201",
      description = "The offer in RECEIPT_SUBMITTED, as its taker sees it.",
      headers =
          @Header(
              name = HttpHeaders.LOCATION,
              description = "The receipt's URL, /api/offers/{id}/receipt.",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response receipt(
      @Parameter(description = OFFER_ID, required = true) @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = "image/png",
                    schema =
                        @Schema(
                            type = SchemaType.STRING,
                            format = "binary",
                            implementation = String.class)),
                @Content(
                    mediaType = "image/jpeg",
                    schema =
                        @Schema(
                            type = SchemaType.STRING,
                            format = "binary",
                            implementation = String.class)),
                @Content(
                    mediaType = "image/webp",
                    schema =
                        @Schema(
                            type = SchemaType.STRING,
                            format = "binary",
                            implementation = String.class))
              })
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
    return Response.created(offerUri(offer.id(), "/receipt"))
        .entity(mapper.forParty(offer, PartyRole.TAKER))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** Reads the receipt image. */
  @GET
  @Path("{id}/receipt")
  @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Read the receipt",
      description =
          "The receipt image as it was posted, for the offer's maker and taker and the admin"
              + " only (403); 404 before a receipt was posted.")
  @APIResponse(
      responseCode = "200",
      description = "The image, in the type it was posted with.",
      content = {
        @Content(
            mediaType = "image/png",
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    format = "binary",
                    implementation = String.class)),
        @Content(
            mediaType = "image/jpeg",
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    format = "binary",
                    implementation = String.class)),
        @Content(
            mediaType = "image/webp",
            schema =
                @Schema(type = SchemaType.STRING, format = "binary", implementation = String.class))
      })
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response readReceipt(
      @Parameter(description = OFFER_ID, required = true) @PathParam("id") String id) {
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
              + " taker to answer. Only the maker (403), while RECEIPT_SUBMITTED and before its"
              + " deadline (409; after it the receipt is approved by default).")
  @APIResponse(
      responseCode = "200",
      description =
          "The offer in COMPLETED with its settlement, or in MARKED_WITH_ISSUE, as its maker"
              + " sees it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public OfferRepresentation feedback(
      @Parameter(description = OFFER_ID, required = true) @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = FeedbackRequest.class),
                      examples = {
                        @ExampleObject(
                            name = "approve",
                            summary = "The fiat arrived",
                            value =
                                "{\"verdict\": \"APPROVE\", \"feedback\": \"arrived, thanks\"}"),
                        @ExampleObject(
                            name = "issue",
                            summary = "It did not",
                            value =
                                "{\"verdict\": \"ISSUE\", \"feedback\": \"nothing arrived by"
                                    + " 14:00\"}")
                      }))
          FeedbackRequest request) {
    if (request == null || request.verdict() == null) {
      throw invalid("verdict is required: APPROVE or ISSUE");
    }
    Offer offer =
        switch (request.verdict()) {
          case APPROVE -> trading.approve(id, trader(), request.feedback());
          case ISSUE -> trading.markIssue(id, trader(), request.feedback());
        };
    return mapper.forParty(offer, PartyRole.MAKER);
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
              + " taker (403), while MARKED_WITH_ISSUE and before its deadline (409).")
  @APIResponse(
      responseCode = "200",
      description =
          "The offer in DISPUTED, or in FORFEITED with its settlement, as its taker sees it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public OfferRepresentation answer(
      @Parameter(description = OFFER_ID, required = true) @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = AnswerRequest.class),
                      examples = {
                        @ExampleObject(
                            name = "counter",
                            summary = "Dispute the issue; the admin decides",
                            value =
                                "{\"response\": \"COUNTER\", \"message\": \"I paid at 13:42, see"
                                    + " the receipt\"}"),
                        @ExampleObject(
                            name = "forfeit",
                            summary = "Give up the bond",
                            value = "{\"response\": \"FORFEIT\"}")
                      }))
          AnswerRequest request) {
    if (request == null || request.response() == null) {
      throw invalid("response is required: COUNTER or FORFEIT");
    }
    Offer offer =
        switch (request.response()) {
          case COUNTER -> trading.counter(id, trader(), request.message());
          case FORFEIT -> trading.forfeit(id, trader(), request.message());
        };
    return mapper.forParty(offer, PartyRole.TAKER);
  }

  /** The offer's audit chain. */
  @GET
  @Path("{id}/audit")
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Audit log",
      description =
          "Every change of the offer as a hash chain, for its parties and the admin (403): hash"
              + " = SHA-256(32 bytes of the previous hash || UTF-8 of entry), from 32 zero bytes."
              + " Recompute it to verify; keep the head to notice a rewrite later.")
  @APIResponse(
      responseCode = "200",
      description = "The audit log, oldest entry first.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AuditLog.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public AuditLog audit(
      @Parameter(description = OFFER_ID, required = true) @PathParam("id") String id) {
    Caller caller = callers.identify(headers);
    return AuditLog.of(id, trading.audit(id, caller.pubkey(), caller.admin()));
  }

  /**
   * Runs {@code work} once per Idempotency-Key (or simply runs it without one); {@code location},
   * if not null, names the created resource from the answer.
   */
  private <T> Response once(
      String key,
      String endpoint,
      Object request,
      Response.Status status,
      Function<JsonObject, URI> location,
      Supplier<T> work,
      Supplier<Optional<T>> recover) {
    return replies.respond(
        IdempotentReplies.normalizedKey(key),
        current.principal(),
        endpoint,
        request,
        uri.getRequestUri().getRawPath(),
        status,
        location,
        requestId -> work.get(),
        requestId -> recover.get());
  }

  /**
   * The offer as its maker sees it, when the caller is its maker and {@code done} says the dead
   * request's change is in it; else empty (nothing of it committed).
   */
  private Optional<OfferRepresentation> asMaker(String id, Predicate<Offer> done) {
    String pubkey = current.principal().pubkey();
    Offer offer = trading.visible(id);
    if (!pubkey.equals(offer.makerPubkey()) || !done.test(offer)) {
      return Optional.empty();
    }
    return Optional.of(mapper.forParty(offer, PartyRole.MAKER));
  }

  /** The offer as its taker sees it, when the caller took it; else empty. */
  private Optional<OfferRepresentation> asTaker(String id) {
    String pubkey = current.principal().pubkey();
    Offer offer = trading.visible(id);
    if (!offer.takerPubkey().map(pubkey::equals).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(mapper.forParty(offer, PartyRole.TAKER));
  }

  /** The absolute URL of the offer {@code id}, followed by {@code tail}. */
  private URI offerUri(String id, String tail) {
    return uri.getBaseUriBuilder().path(OffersResource.class).path("{id}" + tail).build(id);
  }

  /** The part {@code pubkey} plays in {@code offer}, if any. */
  private static Optional<PartyRole> roleOf(Offer offer, String pubkey) {
    return offer.roleOf(pubkey).map(role -> PartyRole.valueOf(role.name()));
  }

  private Trader trader() {
    return Trader.of(current.principal());
  }

  private static DomainException invalid(String message) {
    return new DomainException(ProblemCode.VALIDATION_FAILED, message);
  }
}

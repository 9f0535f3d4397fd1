package org.openpleb.ee.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.web.http.ApiSecurity;

/**
 * The OpenPleb API: a peer-to-peer market where makers pay bank QR codes with bitcoin held as Cashu
 * ecash, and takers earn it by paying the QR in fiat. Everything lives under {@code /api}; every
 * error is an RFC 9457 problem document with a stable code. The OpenAPI document's bearer security
 * scheme and its tags, one per feature, are declared here, once. Each operation names its tag with
 * {@code @Tag(ref = "...")}: Payara's generator adds a class-level or named {@code @Tag} to the
 * document's tag list again (a duplicate without a description), while a reference only labels the
 * operation.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "OpenPleb EE",
            // Replaced at runtime by the build's version (OpenApiBuildVersion).
            version = "unversioned",
            description =
                "Peer-to-peer bitcoin-for-fiat QR payments with Cashu session wallets. Errors are"
                    + " application/problem+json (RFC 9457) with a stable `code`."),
    tags = {
      @Tag(
          name = "offers",
          description =
              "The order book and the trade: makers post offers for bank QR codes, takers claim"
                  + " them, pay the QR in fiat and earn the sats."),
      @Tag(name = "disputes", description = "Trades the maker disputed, for the admin to resolve."),
      @Tag(
          name = "wallet",
          description =
              "The session's Cashu wallet: balance, deposits by Lightning or token, withdrawals."),
      @Tag(
          name = "treasury",
          description = "The platform's own wallet of fees and forfeited bonds, for the admin."),
      @Tag(
          name = "pricing",
          description = "The current bitcoin price and quotes of what an offer will cost."),
      @Tag(
          name = "sessions",
          description = "User login by a BIP-340 signed challenge, the session, logout."),
      @Tag(
          name = "admin",
          description = "Operator login, the capacity report and restoring a lost wallet file."),
      @Tag(
          name = "platform",
          description = "The platform's public self-description: version, fees, mint, limits."),
      @Tag(
          name = "escrow",
          description =
              "The commitment to every offer's escrow and bond (a Merkle-sum root with the"
                  + " NUT-07 Y of every backing proof), and an offer's branch for its parties."),
      @Tag(
          name = "events",
          description =
              "Server-sent events: the order book's changes, and the caller's own trades.")
    })
@SecurityScheme(
    securitySchemeName = ApiSecurity.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description =
        "A session token from POST /api/sessions (users) or POST /api/admin/sessions (admin).")
public class OpenPlebApplication extends Application {

  /**
   * Jersey's WADL is off: {@code OPTIONS} answers with the {@code Allow} header, not an XML
   * description of the server's internals that no client here reads; the contract is {@code
   * /openapi}.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}

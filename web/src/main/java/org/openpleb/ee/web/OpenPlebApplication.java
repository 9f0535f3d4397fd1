package org.openpleb.ee.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.openpleb.ee.web.http.ApiSecurity;

/**
 * The OpenPleb API: a peer-to-peer market where makers pay bank QR codes with bitcoin held as Cashu
 * ecash, and takers earn it by paying the QR in fiat. Everything lives under {@code /api}; every
 * error is an RFC 9457 problem document with a stable code. The OpenAPI document's bearer security
 * scheme is declared here, once, for every resource that names it.
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
                    + " application/problem+json (RFC 9457) with a stable `code`."))
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

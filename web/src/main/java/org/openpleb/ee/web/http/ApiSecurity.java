package org.openpleb.ee.web.http;

/**
 * The security scheme of the OpenAPI document: every resource method that needs a session or the
 * admin names {@link #BEARER} in its {@code @SecurityRequirement}; {@code OpenPlebApplication}
 * declares the scheme itself.
 */
public final class ApiSecurity {

  /** The OpenAPI name of the bearer security scheme (a token from a user or an admin login). */
  public static final String BEARER = "bearer";

  private ApiSecurity() {}
}

package org.openpleb.ee.web.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which paths get the pages' security headers, and what the policy allows. */
class PageHeadersFilterTest {

  @Test
  void theAppsPagesAndFilesArePagesTheApiIsNot() {
    for (String page :
        new String[] {
          "/",
          "/index.html",
          "/admin/",
          "/app/app.js",
          "/webjars/qrcodejs/07f829d/qrcode.min.js",
          "/apiary",
          "/openapix"
        }) {
      assertTrue(PageHeadersFilter.isPage(page), page);
    }
    for (String api : new String[] {"/api", "/api/", "/api/events", "/openapi", "/openapi/ui"}) {
      assertFalse(PageHeadersFilter.isPage(api), api);
    }
  }

  @Test
  void onlyTheOriginsOwnScriptsRunAndNothingInline() {
    String policy = PageHeadersFilter.POLICY;
    assertTrue(policy.contains("script-src 'self';"), policy);
    assertFalse(policy.contains("unsafe-inline"), policy);
    assertFalse(policy.contains("unsafe-eval"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
  }
}

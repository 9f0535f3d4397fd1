package org.openpleb.ee.web;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.openpleb.ee.platform.BuildInfo;

/**
 * Stamps the build's version into the OpenAPI document, so {@code /openapi} and {@code /api/info}
 * always name the same release. Registered through {@code mp.openapi.filter}.
 */
public class OpenApiBuildVersion implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getInfo() != null) {
      openAPI.getInfo().setVersion(BuildInfo.current().version());
    }
  }
}

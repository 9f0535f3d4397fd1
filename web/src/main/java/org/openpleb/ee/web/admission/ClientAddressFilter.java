package org.openpleb.ee.web.admission;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.openpleb.ee.admission.AdmissionConfig;

/**
 * Resolves the client address of every API request before anything else looks at it: the connection
 * peer, or behind a trusted proxy the address that proxy reports.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
@ApplicationScoped
public class ClientAddressFilter implements ContainerRequestFilter {

  /** The {@code X-Forwarded-For} header. */
  static final String FORWARDED_FOR = "X-Forwarded-For";

  @Inject AdmissionConfig config;

  @Inject CurrentClient current;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> forwarded = request.getHeaders().get(FORWARDED_FOR);
    config
        .trustedProxies()
        .client(servletRequest.getRemoteAddr(), forwarded)
        .ifPresent(current::set);
  }
}

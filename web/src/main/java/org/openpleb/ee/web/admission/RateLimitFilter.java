package org.openpleb.ee.web.admission;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.openpleb.ee.admission.RateLimits;

/**
 * Counts a request of a {@link RateLimited} method against its limit for the client's address and
 * refuses it with 429 when the address has none left.
 *
 * <p>Name binding rather than a table of paths: the limit sits on the method it guards, so a
 * renamed path or a new method cannot silently fall out of it. It runs before authentication, so a
 * flood costs no session lookup, and before the body is read.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter {

  @Inject RateLimits limits;

  @Inject CurrentClient client;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    limits.acquire(
        limitOf(resource.getResourceMethod(), resource.getResourceClass()).value(),
        client.limitKey());
  }

  private static RateLimited limitOf(Method method, Class<?> type) {
    RateLimited onMethod = method == null ? null : method.getAnnotation(RateLimited.class);
    if (onMethod != null) {
      return onMethod;
    }
    return type.getAnnotation(RateLimited.class);
  }
}

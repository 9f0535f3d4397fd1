package org.openpleb.ee.web.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or class) that needs a live user session: {@link BearerAuthFilter}
 * resolves the request's bearer token before the method runs and answers 401 otherwise; the method
 * reads the session from {@link CurrentSession}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {}

package org.openpleb.ee.web.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or class) of the admin API: {@link AdminAuthFilter} lets the request
 * through only with a live admin session's bearer token (401 without one, 403 for a user's token);
 * the method reads the admin from {@link CurrentAdmin}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {}

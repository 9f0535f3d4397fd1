package org.openpleb.ee.web.offer;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose JSON body may be at most {@code OFFER_JSON_MAX_BYTES} long: {@link
 * BodyLimitFilter} refuses a longer one with 413 before anything reads it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BoundedBody {}

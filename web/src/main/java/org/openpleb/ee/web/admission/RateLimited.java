package org.openpleb.ee.web.admission;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.openpleb.ee.admission.LimitName;

/**
 * Puts a resource method under a per-address rate limit, checked by {@link RateLimitFilter} before
 * authentication and before the body is read.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {

  /** The limit the method counts against. */
  LimitName value() default LimitName.LOGIN;
}

package org.openpleb.ee.web.events;

import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * An event stream was asked for with an admin's bearer token, which names no user whose trades it
 * could carry (a token that does not authenticate at all is refused earlier, by {@link
 * org.openpleb.ee.web.auth.CredentialsFilter}). Refused rather than served anonymously, so a client
 * never believes it hears private events when it does not.
 */
class StreamUnauthorizedException extends DomainException {

  StreamUnauthorizedException() {
    super(
        ProblemCode.UNAUTHORIZED,
        "The event stream needs a user session's token, not an admin's; open it without an"
            + " Authorization header for public events only");
  }
}

package org.openpleb.ee.web.events;

import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * An event stream was asked for with an Authorization header that names no live session. Refused
 * rather than served anonymously, so a client never believes it hears its private events when it
 * does not.
 */
class StreamUnauthorizedException extends DomainException {

  StreamUnauthorizedException() {
    super(
        ProblemCode.UNAUTHORIZED,
        "The bearer token is unknown, logged out or expired; log in again, or open the stream"
            + " without an Authorization header for public events only");
  }
}

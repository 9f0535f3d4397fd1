package org.openpleb.ee.idempotency;

/**
 * The first answer to an idempotent request, as it is replayed: status, media type and body. The
 * body may hold what the request bought (a withdrawn token), so {@link #toString()} leaves it out.
 *
 * @param status the HTTP status
 * @param mediaType the Content-Type of the body
 * @param body the body exactly as first sent
 */
public record StoredAnswer(int status, String mediaType, String body) {

  @Override
  public String toString() {
    return "StoredAnswer[" + status + " " + mediaType + ", " + body.length() + " chars]";
  }
}

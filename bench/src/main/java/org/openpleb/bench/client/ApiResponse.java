package org.openpleb.bench.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer of the server as the driver saw it.
 *
 * @param status the HTTP status, or 0 when the call failed before an answer arrived
 * @param body the body as text ({@code ""} when there was none)
 * @param nanos time from sending the request to having read the whole body
 * @param json the body parsed as JSON, or a missing node when it was not JSON
 */
public record ApiResponse(int status, String body, long nanos, JsonNode json) {

  /** Whether the status is 2xx. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** A text field of the JSON body, or null. */
  public String text(String field) {
    JsonNode node = json.path(field);
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  /** Bodies can hold tokens; only the status and timing are shown. */
  @Override
  public String toString() {
    return "ApiResponse[" + status + ", " + body.length() + " chars, " + nanos / 1_000_000 + " ms]";
  }
}

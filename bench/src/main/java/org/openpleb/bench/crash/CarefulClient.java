package org.openpleb.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.BiFunction;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.bench.client.ApiResponse;

/**
 * Calls the API as a careful client does while the server may die at any moment: a request that got
 * no answer (connection refused or reset), a 5xx or a 429 is sent again, with the same
 * Idempotency-Key, until an answer comes; a 401 logs the party in again first. A key the server
 * keeps answering 409 IDEMPOTENCY_IN_PROGRESS for longer than a bound is given up and counted as
 * orphaned (the server died mid-request and the key's outcome never became visible).
 */
final class CarefulClient {

  /** Header of the idempotency contract. */
  static final String KEY_HEADER = "Idempotency-Key";

  private final ApiClient api;
  private final ClientBook book;
  private final Duration outageBound;
  private final Duration inProgressBound;

  CarefulClient(ApiClient api, ClientBook book, Duration outageBound, Duration inProgressBound) {
    this.api = api;
    this.book = book;
    this.outageBound = outageBound;
    this.inProgressBound = inProgressBound;
  }

  ApiClient api() {
    return api;
  }

  /**
   * An answer the careful client settled on.
   *
   * @param status HTTP status (0: gave up without an answer)
   * @param json the body
   * @param orphaned the key stayed IN_PROGRESS past the bound
   */
  record Answer(int status, JsonNode json, boolean orphaned) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    String code() {
      JsonNode c = json.path("code");
      return c.isTextual() ? c.asText() : null;
    }

    String text(String field) {
      JsonNode n = json.path(field);
      return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
  }

  Answer get(Party who, String label, String path) {
    return call(who, label, null, (token, key) -> api.builder(path, token).GET().build());
  }

  /** POST of a JSON body; {@code key} null sends none (state transitions without the contract). */
  Answer post(Party who, String label, String path, Object body, String key) {
    return call(
        who,
        label,
        key,
        (token, k) -> {
          HttpRequest.Builder b =
              api.builder(path, token).header("Content-Type", "application/json");
          if (k != null) {
            b.header(KEY_HEADER, k);
          }
          return b.POST(
                  HttpRequest.BodyPublishers.ofString(body == null ? "" : ApiClient.toJson(body)))
              .build();
        });
  }

  Answer postBytes(Party who, String label, String path, String type, byte[] bytes) {
    return call(
        who,
        label,
        null,
        (token, k) ->
            api.builder(path, token)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
  }

  private Answer call(
      Party who, String label, String key, BiFunction<String, String, HttpRequest> request) {
    long outageSince = 0;
    long inProgressSince = 0;
    int errors = 0;
    while (true) {
      String token = who == null ? null : who.token().orElse(null);
      if (who != null && token == null) {
        if (!who.login(api)) {
          book.count("client.login-retries");
          outageSince = waitOrGiveUp(outageSince);
          if (outageSince < 0) {
            return new Answer(0, ApiClient.parse(""), false);
          }
          continue;
        }
        token = who.token().orElse(null);
      }
      ApiResponse r = api.send(label, request.apply(token, key));
      int s = r.status();
      // a 404 or 500 that is not problem+json comes from Payara while the application deploys
      boolean booting = (s == 404 || s == 500) && !r.json().isObject();
      if (s == 0 || s == 502 || s == 503 || s == 504 || s == 429 || booting) {
        book.count("client.retries-after-no-answer." + label);
        outageSince = waitOrGiveUp(outageSince);
        if (outageSince < 0) {
          book.count("client.gave-up-no-answer." + label);
          return new Answer(0, r.json(), false);
        }
        continue;
      }
      outageSince = 0;
      if (s == 401 && who != null) {
        book.count("client.relogins");
        who.forget(token);
        continue;
      }
      if (s >= 500) {
        book.count("client.http-5xx." + label);
        if (++errors <= 5) {
          pause(1000);
          continue;
        }
        return new Answer(s, r.json(), false);
      }
      if (s == 409 && "IDEMPOTENCY_IN_PROGRESS".equals(r.text("code"))) {
        long now = System.nanoTime();
        if (inProgressSince == 0) {
          inProgressSince = now;
          book.count("client.in-progress-answers." + label);
        }
        if (now - inProgressSince > inProgressBound.toNanos()) {
          book.count("client.orphaned-keys." + label);
          return new Answer(s, r.json(), true);
        }
        pause(1000);
        continue;
      }
      return new Answer(s, r.json(), false);
    }
  }

  /** Waits a second during an outage; -1 once the outage lasted longer than the bound. */
  private long waitOrGiveUp(long since) {
    long now = System.nanoTime();
    long start = since == 0 ? now : since;
    if (now - start > outageBound.toNanos()) {
      return -1;
    }
    pause(1000);
    return start;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

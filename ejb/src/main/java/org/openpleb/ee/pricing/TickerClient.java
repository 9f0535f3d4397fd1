package org.openpleb.ee.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads exchanges' public ticker documents over HTTP: one GET that must finish, body included,
 * within a deadline, a 2xx status and a bounded JSON body whose numbers stay exact decimals. Shared
 * by the HTTP price feeds.
 */
public final class TickerClient {

  /** The largest ticker document read; blockchain.info's full ticker is a few kilobytes. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final HttpClient http;
  private final Duration timeout;
  private final String userAgent;

  /**
   * A client whose every exchange (connect, answer and body) must finish within {@code timeout}.
   *
   * @param userAgent sent with every request; some exchanges refuse requests without one
   */
  public TickerClient(Duration timeout, String userAgent) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * GETs {@code uri} and parses the answer as JSON.
   *
   * @param feed the feed's name, for the failure message
   * @throws PriceFeedException on a network failure, the deadline, a non-2xx status, a body above
   *     {@link #MAX_BODY_BYTES} or a body that is not JSON
   */
  public JsonNode get(String feed, URI uri) throws PriceFeedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("User-Agent", userAgent)
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(
            request,
            info ->
                info.statusCode() / 100 == 2
                    ? new BoundedBody(MAX_BODY_BYTES)
                    : HttpResponse.BodySubscribers.replacing(null));
    HttpResponse<byte[]> response;
    try {
      // The request timeout stops at the headers; this deadline also covers a trickling body.
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw late(feed);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new PriceFeedException(feed + " request interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw late(feed);
      }
      if (causedBy(cause, BodyTooLargeException.class)) {
        throw new PriceFeedException(
            feed + " answered a document larger than " + MAX_BODY_BYTES + " bytes");
      }
      throw new PriceFeedException(feed + " is unreachable: " + cause, cause);
    }
    if (response.statusCode() / 100 != 2) {
      throw new PriceFeedException(feed + " answered HTTP " + response.statusCode());
    }
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new PriceFeedException(feed + " answered a document that is not JSON");
    } catch (IOException e) {
      throw new PriceFeedException(feed + " answered an unreadable document", e);
    }
  }

  /**
   * The positive price at {@code node}: a JSON number, or a string holding a decimal number (as
   * Coinbase sends its rates).
   *
   * @param what where the price was looked for, for the failure message
   * @throws PriceFeedException when {@code node} is missing, not a number or not positive
   */
  static BigDecimal price(String feed, JsonNode node, String what) throws PriceFeedException {
    BigDecimal value = null;
    if (node != null && node.isNumber()) {
      value = node.decimalValue();
    } else if (node != null && node.isTextual()) {
      try {
        value = new BigDecimal(node.textValue().trim());
      } catch (NumberFormatException e) {
        value = null;
      }
    }
    if (value == null) {
      throw new PriceFeedException(feed + " answered without a numeric " + what);
    }
    if (value.signum() <= 0) {
      throw new PriceFeedException(feed + " answered a " + what + " that is not positive");
    }
    return value;
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private PriceFeedException late(String feed) {
    return new PriceFeedException(feed + " did not answer within " + timeout.toMillis() + " ms");
  }

  /** The body grew past the limit; the exchange was cancelled. */
  private static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("body too large");
    }
  }

  /** Collects a body of at most {@code limit} bytes and cancels the exchange beyond that. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    BoundedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if (buffer.size() + item.remaining() > limit) {
          body.completeExceptionally(new BodyTooLargeException());
          subscription.cancel();
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(buffer.toByteArray());
    }
  }
}

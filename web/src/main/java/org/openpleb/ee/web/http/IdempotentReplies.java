package org.openpleb.ee.web.http;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.idempotency.Idempotency;
import org.openpleb.ee.idempotency.IdempotencyScope;
import org.openpleb.ee.idempotency.Recovery;
import org.openpleb.ee.idempotency.StoredAnswer;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.session.SessionPrincipal;
import org.openpleb.ee.wallet.WalletOperationException;
import org.openpleb.ee.web.problem.Problem;

/**
 * Answers money requests under the {@code Idempotency-Key} contract. Without a key the work simply
 * runs. With one, the first request runs and its answer (status and JSON body, byte for byte) is
 * stored; a retry with the same key and the same request gets that answer again, marked {@code
 * Idempotent-Replayed: true}, and moves no money. The same key with another request is refused (422
 * IDEMPOTENCY_KEY_REUSED), a duplicate arriving while the first still runs too (409
 * IDEMPOTENCY_IN_PROGRESS).
 *
 * <p>An answer that names a new resource carries its {@code Location}, derived from the answer's
 * body; a replay derives it from the stored body the same way, so it gets the same header.
 *
 * <p>A request whose server died before its answer was stored leaves its key orphaned; the endpoint
 * says how its retry recovers (the outcome rebuilt from what happened, or run again when nothing
 * did), see {@link #respond(String, SessionPrincipal, String, Object, String, Response.Status,
 * Function, Function, Function)}.
 *
 * <p>A request that failed without moving anything is forgotten, so the same key may be retried. An
 * operation in doubt (the mint stopped answering mid-way) may have moved money, so its answer is
 * stored like a success: retrying it never runs it twice.
 */
@ApplicationScoped
public class IdempotentReplies {

  /** The request header that carries the key. */
  public static final String HEADER = "Idempotency-Key";

  /** The response header that marks a replayed answer. */
  public static final String REPLAYED = "Idempotent-Replayed";

  private static final Logger LOG = Logger.getLogger(IdempotentReplies.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @EJB Idempotency idempotency;

  /**
   * Runs {@code work} once per key and answers with its result as JSON.
   *
   * @param key the Idempotency-Key header, or null
   * @param endpoint a stable name of the operation
   * @param request the request body, part of the fingerprint
   * @param instance the request path, for a stored problem answer
   */
  public <T> Response respond(
      String key,
      SessionPrincipal session,
      String endpoint,
      Object request,
      String instance,
      Response.Status status,
      Supplier<T> work) {
    return respond(key, session, endpoint, request, instance, status, null, work);
  }

  /**
   * Runs {@code work} once per key and answers with its result as JSON, with a {@code Location}
   * header on the success answer (a first one and its replays alike). A key whose first request
   * died with its server stays refused (409): use the overload with a recovery where the outcome
   * can be learnt or the request is safe to run again.
   *
   * @param key the Idempotency-Key header, or null
   * @param endpoint a stable name of the operation
   * @param request the request body, part of the fingerprint
   * @param instance the request path, for a stored problem answer
   * @param status the status of a success
   * @param location the new resource's URI, from the answer's JSON object; null for no header
   */
  public <T> Response respond(
      String key,
      SessionPrincipal session,
      String endpoint,
      Object request,
      String instance,
      Response.Status status,
      Function<JsonObject, URI> location,
      Supplier<T> work) {
    return respond(
        key, session, endpoint, request, instance, status, location, id -> work.get(), null);
  }

  /**
   * Runs {@code work} once per key, under a new request id (a random UUID that a money request uses
   * as its wallet operation's id), and answers with its result as JSON. A key whose first request
   * died with its server before its answer was stored (orphaned) is recovered by one retry: {@code
   * recover} is given the dead request's id and rebuilds its result from what it left behind (the
   * wallet's journal, the database), which is stored and replayed with the success status; an empty
   * result means none of it happened, and {@code work} runs afresh.
   *
   * @param location the new resource's URI, from the answer's JSON object; null for no header
   * @param work the request, given its request id
   * @param recover the dead request's result, given its request id (null when it recorded none);
   *     null to refuse orphaned keys (409)
   */
  public <T> Response respond(
      String key,
      SessionPrincipal session,
      String endpoint,
      Object request,
      String instance,
      Response.Status status,
      Function<JsonObject, URI> location,
      Function<String, T> work,
      Function<String, Optional<T>> recover) {
    String requestId = UUID.randomUUID().toString();
    if (key == null) {
      String body = JSON.toJson(work.apply(requestId));
      return located(
          answer(status.getStatusCode(), MediaType.APPLICATION_JSON, body), location, body);
    }
    IdempotencyScope scope = new IdempotencyScope(session.pubkey(), endpoint, key);
    String fingerprint = fingerprint(endpoint, request);
    Recovery recovery =
        recover == null
            ? null
            : firstId ->
                recover
                    .apply(firstId)
                    .map(
                        result ->
                            new StoredAnswer(
                                status.getStatusCode(),
                                MediaType.APPLICATION_JSON,
                                JSON.toJson(result)));
    Optional<StoredAnswer> earlier = idempotency.claim(scope, fingerprint, requestId, recovery);
    if (earlier.isPresent()) {
      StoredAnswer replay = earlier.get();
      Response first = answer(replay.status(), replay.mediaType(), replay.body());
      if (replay.status() == status.getStatusCode()) {
        first = located(first, location, replay.body());
      }
      return Response.fromResponse(first).header(REPLAYED, "true").build();
    }
    T result;
    try {
      result = work.apply(requestId);
    } catch (WalletOperationException e) {
      if (e.code() == ProblemCode.OPERATION_IN_DOUBT) {
        Problem problem = Problem.of(e.code(), e.getMessage(), instance);
        store(scope, new StoredAnswer(e.code().status(), Problem.MEDIA_TYPE, JSON.toJson(problem)));
      } else {
        forget(scope);
      }
      throw e;
    } catch (RuntimeException | Error e) {
      forget(scope);
      throw e;
    }
    String body = JSON.toJson(result);
    store(scope, new StoredAnswer(status.getStatusCode(), MediaType.APPLICATION_JSON, body));
    return located(
        answer(status.getStatusCode(), MediaType.APPLICATION_JSON, body), location, body);
  }

  /** {@code response} with the Location that {@code location} reads from the JSON body. */
  static Response located(Response response, Function<JsonObject, URI> location, String body) {
    if (location == null) {
      return response;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return Response.fromResponse(response).location(location.apply(reader.readObject())).build();
    }
  }

  /**
   * The fingerprint of a request: the same body gives the same fingerprint in every JVM. JSON-B
   * writes a record's properties in a fixed order, but a map's entries in its iteration order,
   * which for {@code Map.of} changes with every JVM start — a retry after a restart would then be
   * refused as a reused key. Maps are written with their keys sorted, at any depth.
   */
  static String fingerprint(String endpoint, Object request) {
    return Idempotency.fingerprint(endpoint + "\n" + JSON.toJson(canonical(request)));
  }

  private static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(IdempotentReplies::canonical).toList();
    }
    return value;
  }

  private void store(IdempotencyScope scope, StoredAnswer answer) {
    try {
      idempotency.complete(scope, answer);
    } catch (RuntimeException e) {
      // money moved; a retry must not run it again, so the key stays IN_PROGRESS until purged
      LOG.log(Level.SEVERE, "Cannot store the answer to a " + scope.endpoint() + " request", e);
    }
  }

  private void forget(IdempotencyScope scope) {
    try {
      idempotency.abandon(scope);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot release an Idempotency-Key of " + scope.endpoint(), e);
    }
  }

  private static Response answer(int status, String mediaType, String body) {
    return Response.status(status).type(mediaType).entity(body).build();
  }

  /** A key given as an empty header counts as a malformed key, not as no key. */
  public static String normalizedKey(String header) {
    if (header == null) {
      return null;
    }
    if (header.isBlank()) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, HEADER + " must not be empty when it is sent");
    }
    return header.trim();
  }
}

package org.openpleb.ee.offer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line of an offer's audit log: who did what, from which state to which, and the facts that
 * went with it (amounts, a resolution, a settlement's result). Its {@link #canonical()} text is
 * what the hash chain covers, so anyone holding the log can recompute every hash.
 *
 * @param offerId the offer
 * @param seq position in the offer's log, from 1
 * @param at when it happened (UTC, microseconds)
 * @param actor e.g. {@code maker:<pubkey>}, {@code admin:<user>}, {@code system}
 * @param action what happened, e.g. {@code CLAIM} or {@code SETTLED}
 * @param from the state before, or null for the creation and for entries that change no state
 * @param to the state after
 * @param facts further facts as text; never a token, a quote id or an image
 */
public record AuditEntry(
    String offerId,
    int seq,
    OffsetDateTime at,
    String actor,
    String action,
    OfferState from,
    OfferState to,
    Map<String, String> facts) {

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

  /** Requires the identifying fields and copies the facts in key order. */
  public AuditEntry {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(to, "to");
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1");
    }
    facts = Map.copyOf(facts == null ? Map.of() : facts);
  }

  /**
   * The entry as canonical JSON: keys in ascending order, no whitespace, strings escaped as by
   * ECMAScript's {@code JSON.stringify}, the time as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}.
   */
  public String canonical() {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"action\":");
    quote(json, action);
    json.append(",\"actor\":");
    quote(json, actor);
    json.append(",\"at\":");
    quote(json, INSTANT.format(at.withOffsetSameInstant(ZoneOffset.UTC)));
    json.append(",\"facts\":{");
    boolean first = true;
    for (Map.Entry<String, String> fact : new TreeMap<>(facts).entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      quote(json, fact.getKey());
      json.append(':');
      quote(json, fact.getValue());
    }
    json.append("},\"from\":");
    if (from == null) {
      json.append("null");
    } else {
      quote(json, from.name());
    }
    json.append(",\"offerId\":");
    quote(json, offerId);
    json.append(",\"seq\":").append(seq);
    json.append(",\"to\":");
    quote(json, to.name());
    return json.append('}').toString();
  }

  private static void quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          boolean loneSurrogate =
              Character.isSurrogate(c)
                  && !(Character.isHighSurrogate(c)
                          && i + 1 < text.length()
                          && Character.isLowSurrogate(text.charAt(i + 1))
                      || Character.isLowSurrogate(c)
                          && i > 0
                          && Character.isHighSurrogate(text.charAt(i - 1)));
          if (c < 0x20 || loneSurrogate) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}

package org.openpleb.cashu.mint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.BlindedMessage;
import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;

/**
 * The JSON shapes of the mint API, written and read field by field so that the wire format is
 * visible here and nothing depends on reflection over the model records.
 */
final class MintJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Pattern COMPRESSED_POINT = Pattern.compile("^0[23][0-9a-f]{64}$");
  private static final Pattern AMOUNT = Pattern.compile("^[1-9][0-9]*$");

  private MintJson() {}

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON serialisation failed", e);
    }
  }

  static JsonNode read(String body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new MintProtocolException("Mint answer is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MintProtocolException("Mint answer is not valid JSON");
    }
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode outputs(List<BlindedMessage> outputs) {
    ArrayNode array = MAPPER.createArrayNode();
    for (BlindedMessage m : outputs) {
      array.addObject().put("amount", m.amount()).put("id", m.id()).put("B_", m.B_());
    }
    return array;
  }

  static ArrayNode proofs(List<Proof> proofs) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Proof p : proofs) {
      ObjectNode o =
          array
              .addObject()
              .put("amount", p.amount())
              .put("id", p.id())
              .put("secret", p.secret())
              .put("C", p.C());
      if (p.witness() != null) {
        o.put("witness", p.witness());
      }
      // The DLEQ proof is for the receiver of a token, not for the mint: it stays out of inputs.
    }
    return array;
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new MintProtocolException("Mint answer lacks text field '" + field + "'");
    }
    return v.asText();
  }

  static String optionalText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static long amount(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw new MintProtocolException("Mint answer lacks integer field '" + field + "'");
    }
    long value = v.asLong();
    if (value < 0) {
      throw new MintProtocolException("Mint answer has a negative '" + field + "'");
    }
    return value;
  }

  static Long optionalLong(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw new MintProtocolException("Mint answer has a non-integer '" + field + "'");
    }
    return v.asLong();
  }

  static ArrayNode array(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw new MintProtocolException("Mint answer lacks array '" + field + "'");
    }
    return (ArrayNode) v;
  }

  static List<BlindSignature> signatures(ArrayNode array) {
    List<BlindSignature> list = new ArrayList<>(array.size());
    for (JsonNode s : array) {
      DleqProof dleq = null;
      JsonNode d = s.get("dleq");
      if (d != null && d.isObject()) {
        dleq = new DleqProof(text(d, "e"), text(d, "s"), optionalText(d, "r"));
      }
      list.add(new BlindSignature(amount(s, "amount"), text(s, "id"), text(s, "C_"), dleq));
    }
    return list;
  }

  static List<BlindedMessage> blindedMessages(ArrayNode array) {
    List<BlindedMessage> list = new ArrayList<>(array.size());
    for (JsonNode m : array) {
      list.add(new BlindedMessage(amount(m, "amount"), text(m, "id"), text(m, "B_")));
    }
    return list;
  }

  /** A keyset summary or a keyset with keys; the keys are syntax-checked, not yet id-checked. */
  static Keyset keyset(JsonNode k) {
    String id = text(k, "id").toLowerCase(Locale.ROOT);
    String unit = k.hasNonNull("unit") ? k.get("unit").asText() : "sat";
    boolean active = !k.hasNonNull("active") || k.get("active").asBoolean();
    Long fee = optionalLong(k, "input_fee_ppk");
    Long finalExpiry = optionalLong(k, "final_expiry");
    SortedMap<BigInteger, String> keys = new TreeMap<>();
    JsonNode keysNode = k.get("keys");
    if (keysNode != null && !keysNode.isNull()) {
      if (!keysNode.isObject()) {
        throw new MintProtocolException("Keyset keys are not an object");
      }
      Iterator<Map.Entry<String, JsonNode>> it = keysNode.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!AMOUNT.matcher(e.getKey()).matches()) {
          throw new MintProtocolException("Keyset " + id + " has an invalid amount");
        }
        String pub = e.getValue().asText().toLowerCase(Locale.ROOT);
        if (!COMPRESSED_POINT.matcher(pub).matches()) {
          throw new MintProtocolException("Keyset " + id + " has a key that is not compressed");
        }
        keys.put(new BigInteger(e.getKey()), pub);
      }
    }
    return new Keyset(id, unit, active, fee == null ? 0 : fee, finalExpiry, keys);
  }

  /** Whether the keyset JSON states its input fee (V2 ids hash the fee, so it matters). */
  static boolean statesFee(JsonNode k) {
    return k.hasNonNull("input_fee_ppk");
  }

  static MintQuoteResponse mintQuote(JsonNode q) {
    return new MintQuoteResponse(
        text(q, "quote"),
        text(q, "request"),
        q.hasNonNull("amount") ? amount(q, "amount") : 0,
        q.hasNonNull("unit") ? q.get("unit").asText() : "sat",
        mintQuoteState(q),
        optionalLong(q, "expiry"));
  }

  private static MintQuoteState mintQuoteState(JsonNode q) {
    if (q.hasNonNull("state")) {
      try {
        return MintQuoteState.valueOf(q.get("state").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new MintProtocolException("Unknown mint quote state");
      }
    }
    // Mints before the "state" field only said whether the invoice was paid.
    if (q.hasNonNull("issued") && q.get("issued").asBoolean()) {
      return MintQuoteState.ISSUED;
    }
    return q.path("paid").asBoolean(false) ? MintQuoteState.PAID : MintQuoteState.UNPAID;
  }

  static MeltQuoteResponse meltQuote(JsonNode q) {
    List<BlindSignature> change =
        q.hasNonNull("change") ? signatures(array(q, "change")) : List.of();
    return new MeltQuoteResponse(
        text(q, "quote"),
        q.hasNonNull("request") ? q.get("request").asText() : null,
        amount(q, "amount"),
        q.hasNonNull("unit") ? q.get("unit").asText() : "sat",
        q.hasNonNull("fee_reserve") ? amount(q, "fee_reserve") : 0,
        meltQuoteState(q),
        optionalLong(q, "expiry"),
        optionalText(q, "payment_preimage"),
        change);
  }

  private static MeltQuoteState meltQuoteState(JsonNode q) {
    if (q.hasNonNull("state")) {
      String s = q.get("state").asText().toUpperCase(Locale.ROOT);
      // Some mints report a failed payment as FAILED; for the wallet it means "not paid".
      if (s.equals("FAILED")) {
        return MeltQuoteState.UNPAID;
      }
      try {
        return MeltQuoteState.valueOf(s);
      } catch (IllegalArgumentException e) {
        throw new MintProtocolException("Unknown melt quote state");
      }
    }
    return q.path("paid").asBoolean(false) ? MeltQuoteState.PAID : MeltQuoteState.UNPAID;
  }

  static List<ProofCheck> states(JsonNode body) {
    List<ProofCheck> list = new ArrayList<>();
    for (JsonNode s : array(body, "states")) {
      ProofStatus status;
      try {
        status = ProofStatus.valueOf(text(s, "state").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new MintProtocolException("Unknown proof state");
      }
      list.add(new ProofCheck(text(s, "Y"), status, optionalText(s, "witness")));
    }
    return list;
  }

  static MintInfo info(JsonNode body) {
    Set<Integer> supported = new HashSet<>();
    JsonNode nuts = body.get("nuts");
    if (nuts != null && nuts.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = nuts.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        int nut;
        try {
          nut = Integer.parseInt(e.getKey());
        } catch (NumberFormatException notANut) {
          continue;
        }
        JsonNode v = e.getValue();
        boolean on;
        if (v.has("supported")) {
          on = v.get("supported").asBoolean(false) || v.get("supported").isArray();
        } else if (v.has("disabled")) {
          on = !v.get("disabled").asBoolean(false);
        } else {
          on = true;
        }
        if (on) {
          supported.add(nut);
        }
      }
    }
    return new MintInfo(
        optionalText(body, "name"),
        optionalText(body, "version"),
        optionalText(body, "pubkey"),
        supported,
        subscriptionKinds(nuts));
  }

  /** The NUT-17 commands advertised for bolt11 in sat; at most a few short names are kept. */
  private static Set<String> subscriptionKinds(JsonNode nuts) {
    Set<String> kinds = new HashSet<>();
    JsonNode entries = nuts == null ? null : nuts.path("17").get("supported");
    if (entries == null || !entries.isArray()) {
      return kinds;
    }
    for (JsonNode entry : entries) {
      if (!"bolt11".equals(entry.path("method").asText())
          || !"sat".equals(entry.path("unit").asText())
          || !entry.path("commands").isArray()) {
        continue;
      }
      for (JsonNode command : entry.get("commands")) {
        if (command.isTextual() && command.asText().length() <= 64 && kinds.size() < 16) {
          kinds.add(command.asText());
        }
      }
    }
    return kinds;
  }
}

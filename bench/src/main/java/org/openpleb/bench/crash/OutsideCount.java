package org.openpleb.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Custody counted from outside the server, after it stopped: every proof of every wallet file
 * (SQLite, read directly) and every proof of the tokens the clients hold, checked at the mint with
 * NUT-07, against what the dev mint says it minted and melted ({@code POST /dev/totals}).
 *
 * <p>Each distinct proof {@code Y} the mint reports UNSPENT or PENDING is put in exactly one place:
 * held by a client (a withdrawn token), held by the server (a {@code ready} or {@code reserved}
 * proof), pending in a melt, or <b>stuck</b>: sent out of a wallet ({@code inflight} or {@code
 * spent} in its journal) and held by nobody who knows it, i.e. a token whose answer never reached
 * its client. The difference is the mint's circulating sats less all of that and must be 0.
 *
 * @param walletFiles wallet files read
 * @param proofsRead proof rows read (before removing duplicates)
 * @param duplicateYs Ys found in more than one row
 * @param walletReadySats sats of ready proofs as the wallet files say
 * @param walletReservedSats sats of reserved proofs as the wallet files say
 * @param serverHeldSats ready and reserved proofs the mint reports UNSPENT
 * @param wrongStateProofs ready or reserved proofs the mint does not report UNSPENT
 * @param wrongStateSats their sats
 * @param clientHeldSats proofs of clients' tokens the mint reports UNSPENT
 * @param clientTokensSpentSats proofs of clients' tokens the mint reports SPENT (redeemed or
 *     reclaimed by someone else)
 * @param stuckProofs sent proofs UNSPENT at the mint that no client holds
 * @param stuckSats their sats
 * @param pendingSats proofs the mint reports PENDING
 * @param unfinishedOperations wallet journal operations still executing or pending
 * @param mint the dev mint's totals
 * @param differenceSats mint circulating less everything accounted for
 */
record OutsideCount(
    int walletFiles,
    long proofsRead,
    long duplicateYs,
    long walletReadySats,
    long walletReservedSats,
    long serverHeldSats,
    long wrongStateProofs,
    long wrongStateSats,
    long clientHeldSats,
    long clientTokensSpentSats,
    long stuckProofs,
    long stuckSats,
    long pendingSats,
    long unfinishedOperations,
    JsonNode mint,
    long differenceSats) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int BATCH = 500;

  /** A proof row of a wallet file: its amount and its state there. */
  record Row(long amount, String state) {}

  /** Counts the wallet files under {@code walletDir} and the clients' proofs at {@code mintUrl}. */
  static OutsideCount of(Path walletDir, Map<String, Long> clientProofs, String mintUrl)
      throws IOException, SQLException, InterruptedException {
    Map<String, Row> rows = new HashMap<>();
    long read = 0;
    long duplicates = 0;
    long ready = 0;
    long reserved = 0;
    long unfinished = 0;
    List<Path> files = walletFiles(walletDir);
    for (Path file : files) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT y, amount, state FROM proofs")) {
          while (rs.next()) {
            read++;
            Row row = new Row(rs.getLong(2), rs.getString(3));
            if ("ready".equals(row.state())) {
              ready += row.amount();
            } else if ("reserved".equals(row.state())) {
              reserved += row.amount();
            }
            Row before = rows.put(rs.getString(1), row);
            if (before != null) {
              duplicates++;
              if (held(before.state())) {
                rows.put(rs.getString(1), before); // a holding row wins over a sent one
              }
            }
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM operations WHERE state IN ('executing', 'pending')")) {
          unfinished += rs.next() ? rs.getLong(1) : 0;
        }
      }
    }
    Map<String, String> states = checkState(mintUrl, universe(rows, clientProofs));
    JsonNode totals = post(mintUrl + "/dev/totals", "{}");
    return count(
        files.size(),
        read,
        duplicates,
        ready,
        reserved,
        unfinished,
        rows,
        clientProofs,
        states,
        totals);
  }

  /** Every Y to ask the mint about: the wallet files' and the clients' proofs. */
  static List<String> universe(Map<String, Row> rows, Map<String, Long> clientProofs) {
    List<String> ys = new ArrayList<>(rows.keySet());
    for (String y : clientProofs.keySet()) {
      if (!rows.containsKey(y)) {
        ys.add(y);
      }
    }
    return ys;
  }

  /**
   * Puts each Y in one place by its mint state ({@code states}) and who has it, and takes the sum
   * from the mint's circulating sats ({@code totals}).
   */
  static OutsideCount count(
      int files,
      long read,
      long duplicates,
      long ready,
      long reserved,
      long unfinished,
      Map<String, Row> rows,
      Map<String, Long> clientProofs,
      Map<String, String> states,
      JsonNode totals) {
    long serverHeld = 0;
    long wrongProofs = 0;
    long wrongSats = 0;
    long clientHeld = 0;
    long clientSpent = 0;
    long stuckProofs = 0;
    long stuck = 0;
    long pending = 0;
    for (String y : universe(rows, clientProofs)) {
      String atMint = states.getOrDefault(y, "UNKNOWN");
      Row row = rows.get(y);
      Long clientAmount = clientProofs.get(y);
      long amount = clientAmount != null ? clientAmount : row.amount();
      if (row != null && held(row.state()) && !"UNSPENT".equals(atMint)) {
        wrongProofs++;
        wrongSats += row.amount();
      }
      if ("PENDING".equals(atMint)) {
        pending += amount;
      } else if ("UNSPENT".equals(atMint)) {
        if (clientAmount != null) {
          clientHeld += amount;
        } else if (held(row.state())) {
          serverHeld += amount;
        } else {
          stuckProofs++;
          stuck += amount;
        }
      } else if (clientAmount != null) {
        clientSpent += amount;
      }
    }
    long circulating = totals.path("circulatingSats").asLong();
    long difference = circulating - (serverHeld + clientHeld + stuck + pending);
    return new OutsideCount(
        files,
        read,
        duplicates,
        ready,
        reserved,
        serverHeld,
        wrongProofs,
        wrongSats,
        clientHeld,
        clientSpent,
        stuckProofs,
        stuck,
        pending,
        unfinished,
        totals,
        difference);
  }

  private static boolean held(String state) {
    return "ready".equals(state) || "reserved".equals(state);
  }

  /** Regular files under the folder that start with SQLite's header (journals and WAL left out). */
  static List<Path> walletFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
        byte[] head = new byte[SQLITE_MAGIC.length];
        try (InputStream in = Files.newInputStream(p)) {
          if (in.readNBytes(head, 0, head.length) == head.length
              && Arrays.equals(head, SQLITE_MAGIC)) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }

  /** NUT-07 states of {@code ys}, in batches. */
  private static Map<String, String> checkState(String mintUrl, List<String> ys)
      throws IOException, InterruptedException {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < ys.size(); i += BATCH) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode list = body.putArray("Ys");
      ys.subList(i, Math.min(ys.size(), i + BATCH)).forEach(list::add);
      JsonNode answer = post(mintUrl + "/v1/checkstate", body.toString());
      for (JsonNode s : answer.path("states")) {
        out.put(s.path("Y").asText(), s.path("state").asText());
      }
    }
    return out;
  }

  private static JsonNode post(String url, String body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }
}

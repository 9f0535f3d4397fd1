package org.openpleb.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpleb.bench.client.AdminCredentials;
import org.openpleb.bench.client.ApiResponse;
import org.openpleb.bench.report.CapacityModel;
import org.openpleb.bench.report.RunResults;

/**
 * Reads the server's own capacity report as the operator ({@code GET /api/admin/capacity}) and
 * recomputes the capacity tables from this run's measured footprint.
 */
public final class CapacityReading {

  private final ServerUnderTest server;
  private final String adminUser;
  private final String adminPassword;

  /** Reads as {@code adminUser} (null: no admin configured, only recompute). */
  public CapacityReading(ServerUnderTest server, String adminUser, String adminPassword) {
    this.server = server;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  /** The server's report as JSON, or why it could not be read. */
  public Optional<JsonNode> serverReport(StringBuilder why) {
    if (adminUser == null || adminPassword == null) {
      why.append("no admin credentials were configured for the benchmark");
      return Optional.empty();
    }
    Optional<String> token = AdminCredentials.login(server.api(), adminUser, adminPassword);
    if (token.isEmpty()) {
      why.append("the admin login was refused");
      return Optional.empty();
    }
    ApiResponse r = server.api().get("GET /api/admin/capacity", "/api/admin/capacity", token.get());
    if (!r.ok()) {
      why.append("GET /api/admin/capacity answered ").append(r.status());
      return Optional.empty();
    }
    return Optional.of(r.json());
  }

  /** The capacity section from the measured figures and, if readable, the server's report. */
  public RunResults.Capacity capacity(
      RunResults.SessionMemory sessions, RunResults.WalletMemory wallets) {
    StringBuilder why = new StringBuilder();
    Optional<JsonNode> report = serverReport(why);
    List<CapacityModel.Row> serverRows = new ArrayList<>();
    double configuredWalletBytes = 3 * 1024 * 1024;
    if (report.isPresent()) {
      JsonNode estimate = report.get().path("estimate");
      configuredWalletBytes = estimate.path("perWalletBytes").asDouble(configuredWalletBytes);
      for (JsonNode row : estimate.path("rows")) {
        serverRows.add(
            new CapacityModel.Row(
                row.path("server").asText(),
                row.path("machineBytes").asLong(),
                row.path("heapBytes").asLong(),
                row.path("sessionsSupported").asLong(),
                row.path("walletsOpen").asLong(),
                row.path("recommendedSessionLimit").asLong(),
                0,
                0,
                0,
                false));
      }
    }
    if (sessions == null || sessions.unavailable() != null || sessions.steps().isEmpty()) {
      return new RunResults.Capacity(
          why.isEmpty() ? null : why.toString(), serverRows, List.of(), List.of(), null);
    }
    RunResults.MemoryStep base = sessions.steps().get(0);
    boolean walletsMeasured = wallets != null && wallets.unavailable() == null;
    CapacityModel.Inputs inputs =
        new CapacityModel.Inputs(
            sessions.planningBytesPerSession(),
            walletsMeasured ? wallets.heapPerWalletBytes() : configuredWalletBytes,
            walletsMeasured ? wallets.residentPerWalletBytes() : configuredWalletBytes,
            base.heapUsedBytes(),
            Math.max(0, base.rssBytes() - base.heapCommittedBytes()),
            0.70,
            0.5,
            walletsMeasured);
    return new RunResults.Capacity(
        why.isEmpty() ? null : why.toString(),
        serverRows,
        CapacityModel.serverModel(inputs),
        CapacityModel.fixedCacheModel(inputs),
        inputs);
  }
}

package org.openpleb.devmint;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a dev mint starts: its port (0 for an ephemeral one), the seed its keys are derived from
 * (null for a random seed), the input fee of its keysets, whether the fake payer pays mint quotes
 * and after which delay, the state file (null to keep state in memory), and whether it offers
 * NUT-17 WebSocket subscriptions.
 */
public record DevMintConfig(
    int port,
    String seed,
    long inputFeePpk,
    boolean autoPay,
    Duration payDelay,
    Path stateFile,
    boolean nut17) {

  /** The seed of {@link #defaults()}: tests get the same keyset ids on every run. */
  public static final String TEST_SEED = "openpleb-devmint-test-seed";

  /** A configuration with NUT-17 on. */
  public DevMintConfig(
      int port, String seed, long inputFeePpk, boolean autoPay, Duration payDelay, Path stateFile) {
    this(port, seed, inputFeePpk, autoPay, payDelay, stateFile, true);
  }

  public DevMintConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if (inputFeePpk < 0) {
      throw new IllegalArgumentException("input fee must not be negative");
    }
    if (payDelay == null) {
      payDelay = Duration.ZERO;
    }
    if (payDelay.isNegative()) {
      throw new IllegalArgumentException("pay delay must not be negative");
    }
  }

  /** Ephemeral port, fixed test seed, no fee, quotes paid at once, state in memory, NUT-17 on. */
  public static DevMintConfig defaults() {
    return new DevMintConfig(0, TEST_SEED, 0, true, Duration.ZERO, null);
  }

  public DevMintConfig withPort(int p) {
    return new DevMintConfig(p, seed, inputFeePpk, autoPay, payDelay, stateFile, nut17);
  }

  public DevMintConfig withSeed(String s) {
    return new DevMintConfig(port, s, inputFeePpk, autoPay, payDelay, stateFile, nut17);
  }

  public DevMintConfig withInputFeePpk(long f) {
    return new DevMintConfig(port, seed, f, autoPay, payDelay, stateFile, nut17);
  }

  public DevMintConfig withAutoPay(boolean a) {
    return new DevMintConfig(port, seed, inputFeePpk, a, payDelay, stateFile, nut17);
  }

  public DevMintConfig withPayDelay(Duration d) {
    return new DevMintConfig(port, seed, inputFeePpk, autoPay, d, stateFile, nut17);
  }

  public DevMintConfig withStateFile(Path p) {
    return new DevMintConfig(port, seed, inputFeePpk, autoPay, payDelay, p, nut17);
  }

  public DevMintConfig withNut17(boolean on) {
    return new DevMintConfig(port, seed, inputFeePpk, autoPay, payDelay, stateFile, on);
  }

  @Override
  public String toString() {
    return "DevMintConfig[port="
        + port
        + ", seed="
        + (seed == null ? "random" : "set")
        + ", inputFeePpk="
        + inputFeePpk
        + ", autoPay="
        + autoPay
        + ", payDelay="
        + payDelay
        + ", stateFile="
        + stateFile
        + ", nut17="
        + nut17
        + "]";
  }
}

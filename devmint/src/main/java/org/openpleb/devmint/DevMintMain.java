package org.openpleb.devmint;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.openpleb.devmint.http.MintHttpServer;

/**
 * Runs the dev mint from the command line: {@code java -jar devmint.jar [--port N] [--seed S]
 * [--state-file F] [--input-fee-ppk N] [--auto-pay true|false] [--pay-delay-ms N] [--host H]
 * [--no-nut17]}. Each option also reads an environment variable ({@code DEVMINT_PORT} …); options
 * win.
 */
public final class DevMintMain {

  private DevMintMain() {}

  public static void main(String[] args) {
    // UTF-8 whatever the locale, so the banner's dash does not turn into '?'
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
    DevMint mint;
    try {
      mint = run(args, System.getenv(), out);
    } catch (IllegalArgumentException e) {
      System.err.println("devmint: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    } catch (IllegalStateException | UncheckedIOException e) {
      System.err.println("devmint: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (mint == null) {
      return;
    }
    // the server's dispatcher thread keeps the JVM alive; stop cleanly on Ctrl-C
    Runtime.getRuntime().addShutdownHook(new Thread(mint::close, "devmint-shutdown"));
  }

  /**
   * Parses options and environment, starts the mint and prints the banner.
   *
   * @return the running mint, or null when only help was asked for
   * @throws IllegalArgumentException on a bad option
   */
  static DevMint run(String[] args, Map<String, String> env, PrintStream out) {
    DevMintConfig config = new DevMintConfig(3338, null, 0, true, Duration.ZERO, null);
    String host = "127.0.0.1";

    if (env.containsKey("DEVMINT_PORT")) {
      config = config.withPort(parseInt("DEVMINT_PORT", env.get("DEVMINT_PORT")));
    }
    if (env.containsKey("DEVMINT_SEED") && !env.get("DEVMINT_SEED").isEmpty()) {
      config = config.withSeed(env.get("DEVMINT_SEED"));
    }
    if (env.containsKey("DEVMINT_STATE_FILE") && !env.get("DEVMINT_STATE_FILE").isEmpty()) {
      config = config.withStateFile(Path.of(env.get("DEVMINT_STATE_FILE")));
    }
    if (env.containsKey("DEVMINT_INPUT_FEE_PPK")) {
      config =
          config.withInputFeePpk(
              parseLong("DEVMINT_INPUT_FEE_PPK", env.get("DEVMINT_INPUT_FEE_PPK")));
    }
    if (env.containsKey("DEVMINT_AUTO_PAY")) {
      config = config.withAutoPay(parseBoolean("DEVMINT_AUTO_PAY", env.get("DEVMINT_AUTO_PAY")));
    }
    if (env.containsKey("DEVMINT_PAY_DELAY_MS")) {
      config =
          config.withPayDelay(
              Duration.ofMillis(
                  parseLong("DEVMINT_PAY_DELAY_MS", env.get("DEVMINT_PAY_DELAY_MS"))));
    }
    if (env.containsKey("DEVMINT_NUT17")) {
      config = config.withNut17(parseBoolean("DEVMINT_NUT17", env.get("DEVMINT_NUT17")));
    }
    if (env.containsKey("DEVMINT_HOST") && !env.get("DEVMINT_HOST").isEmpty()) {
      host = env.get("DEVMINT_HOST");
    }

    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (name) {
        case "-h", "--help" -> {
          out.println(usage());
          return null;
        }
        case "--auto-pay" -> {
          // a bare --auto-pay switches it on; --auto-pay=false or --auto-pay false off
          if (value == null && i + 1 < args.length && isBoolean(args[i + 1])) {
            value = args[++i];
          }
          config = config.withAutoPay(value == null || parseBoolean(name, value));
        }
        case "--no-auto-pay" -> config = config.withAutoPay(false);
        case "--no-nut17" -> config = config.withNut17(false);
        case "--port", "--seed", "--state-file", "--input-fee-ppk", "--pay-delay-ms", "--host" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(name + " needs a value");
            }
            value = args[++i];
          }
          switch (name) {
            case "--port" -> config = config.withPort(parseInt(name, value));
            case "--seed" -> config = config.withSeed(value);
            case "--state-file" -> config = config.withStateFile(Path.of(value));
            case "--input-fee-ppk" -> config = config.withInputFeePpk(parseLong(name, value));
            case "--pay-delay-ms" ->
                config = config.withPayDelay(Duration.ofMillis(parseLong(name, value)));
            default -> host = value;
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }

    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host, e);
    }
    DevMint mint = DevMint.start(config, address);
    printBanner(out, mint, config, address);
    return mint;
  }

  private static void printBanner(
      PrintStream out, DevMint mint, DevMintConfig config, InetAddress address) {
    String rule = "=".repeat(66);
    out.println(rule);
    out.println("  " + MintHttpServer.BANNER);
    out.println("  OpenPleb devmint: a Cashu test mint whose Lightning is simulated.");
    out.println("  Invoices are never really paid. Its ecash is worth nothing.");
    out.println(rule);
    out.println("  url           " + mint.url());
    out.println("  active keyset " + mint.activeKeysetId());
    out.println(
        "  seed          " + (config.seed() == null ? "random (keys not reproducible)" : "given"));
    out.println("  input fee     " + config.inputFeePpk() + " ppk");
    out.println(
        "  auto-pay      " + config.autoPay() + " (delay " + config.payDelay().toMillis() + " ms)");
    out.println("  NUT-17        " + (config.nut17() ? "on, at /v1/ws" : "off"));
    out.println(
        "  state         " + (config.stateFile() == null ? "in memory" : config.stateFile()));
    if (!address.isLoopbackAddress()) {
      out.println("  WARNING: bound to " + address.getHostAddress() + ", not loopback");
    }
    out.println(rule);
    out.flush();
  }

  static String usage() {
    return String.join(
        System.lineSeparator(),
        "usage: java -jar devmint.jar [options]   (" + MintHttpServer.BANNER + ")",
        "  --port N            DEVMINT_PORT           listen port (default 3338, 0 = any free)",
        "  --seed S            DEVMINT_SEED           key seed (default random)",
        "  --state-file F      DEVMINT_STATE_FILE     JSON state file (default in memory)",
        "  --input-fee-ppk N   DEVMINT_INPUT_FEE_PPK  keyset input fee (default 0)",
        "  --auto-pay [B]      DEVMINT_AUTO_PAY       pay mint quotes by itself (default true)",
        "  --no-auto-pay                              same as --auto-pay=false",
        "  --pay-delay-ms N    DEVMINT_PAY_DELAY_MS   delay before auto-pay (default 0)",
        "  --host H            DEVMINT_HOST           bind address (default 127.0.0.1)",
        "  --no-nut17          DEVMINT_NUT17=false    no NUT-17 WebSocket subscriptions");
  }

  private static boolean isBoolean(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false");
  }

  private static boolean parseBoolean(String name, String text) {
    if (!isBoolean(text)) {
      throw new IllegalArgumentException(name + " must be true or false");
    }
    return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
  }

  private static int parseInt(String name, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number", e);
    }
  }

  private static long parseLong(String name, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number", e);
    }
  }
}

package org.openpleb.devmint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.openpleb.devmint.http.FaultPlan;
import org.openpleb.devmint.http.MintHttpServer;
import org.openpleb.devmint.ledger.MintClock;
import org.openpleb.devmint.ledger.MintKeyset;
import org.openpleb.devmint.ledger.MintLedger;

/**
 * A running FakeWallet Cashu mint on the loopback interface, for tests and demos. Its Lightning is
 * simulated: it is never to hold anything of value.
 */
public final class DevMint implements AutoCloseable {

  private final MintLedger ledger;
  private final MintHttpServer server;
  private final DevMintControl control;
  private final String url;

  private DevMint(MintLedger ledger, MintHttpServer server, DevMintControl control, String url) {
    this.ledger = ledger;
    this.server = server;
    this.control = control;
    this.url = url;
  }

  /** Starts a mint bound to 127.0.0.1; port 0 picks a free port. */
  public static DevMint start(DevMintConfig config) {
    try {
      return start(config, InetAddress.getByName("127.0.0.1"));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("127.0.0.1 always resolves", e);
    }
  }

  /** Starts a mint bound to the given address (the command line's {@code --host}). */
  static DevMint start(DevMintConfig config, InetAddress host) {
    MintLedger ledger =
        MintLedger.open(
            config.seed(),
            config.inputFeePpk(),
            config.autoPay(),
            config.payDelay(),
            config.stateFile(),
            MintClock.system());
    FaultPlan faults = new FaultPlan();
    LedgerControls control = new LedgerControls(ledger, faults);
    try {
      MintHttpServer server =
          new MintHttpServer(
              ledger, faults, control, new InetSocketAddress(host, config.port()), config.nut17());
      control.attach(server);
      server.start();
      String address = host.getHostAddress();
      if (address.contains(":")) {
        address = "[" + address + "]";
      }
      return new DevMint(ledger, server, control, "http://" + address + ":" + server.port());
    } catch (IOException e) {
      throw new UncheckedIOException("devmint could not bind port " + config.port(), e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:3338}, without a trailing slash. */
  public String url() {
    return url;
  }

  /** Whether NUT-17 subscriptions are offered (advertised in /v1/info, served at /v1/ws). */
  public boolean offersSubscriptions() {
    return server.offersSubscriptions();
  }

  /** Open NUT-17 sockets. */
  public int openSockets() {
    return server.openSockets();
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** The test knobs. */
  public DevMintControl control() {
    return control;
  }

  /** The ids of all keysets, the active ones flagged in {@code /v1/keysets}. */
  public List<String> keysetIds() {
    return ledger.keysets().stream().map(MintKeyset::id).toList();
  }

  /** The id of the keyset that signs new outputs. */
  public String activeKeysetId() {
    return ledger.activeKeysets().get(0).id();
  }

  @Override
  public void close() {
    server.close();
  }
}

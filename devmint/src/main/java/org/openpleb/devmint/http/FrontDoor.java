package org.openpleb.devmint.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dev mint's public port when NUT-17 is on. The JDK's HTTP server cannot hand a connection over
 * after a {@code 101 Switching Protocols} (it answers 1xx without a body and then reads the next
 * request from the socket), so this door takes every connection first: a request for {@code /v1/ws}
 * gets the WebSocket handshake of RFC 6455 and is served by the {@link SubscriptionHub}; any other
 * connection is piped, bytes unchanged, to the JDK server listening on a loopback port of its own.
 * A connection is routed by its first request: a later request on a kept-alive connection goes
 * where the first went.
 */
final class FrontDoor implements AutoCloseable {

  /** The longest request line and the longest head of a handshake. */
  static final int MAX_LINE = 8 * 1024;

  static final int MAX_HEAD = 16 * 1024;

  /** How long a new connection may take to send its first request line and head. */
  static final int HEAD_TIMEOUT_MILLIS = 10_000;

  private static final String WS_PATH = "/v1/ws";
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final Logger LOG = Logger.getLogger(FrontDoor.class.getName());

  private final ServerSocket listener;
  private final InetSocketAddress inner;
  private final SubscriptionHub hub;
  private final ExecutorService executor;
  private final Thread acceptor;
  private volatile boolean closed;

  FrontDoor(
      InetSocketAddress address,
      InetSocketAddress inner,
      SubscriptionHub hub,
      ExecutorService executor)
      throws IOException {
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(address, 64);
    this.inner = inner;
    this.hub = hub;
    this.executor = executor;
    this.acceptor = new Thread(this::accept, "devmint-door");
    acceptor.setDaemon(true);
  }

  void start() {
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "devmint: accept failed", e);
        }
        continue;
      }
      try {
        executor.execute(() -> route(socket));
      } catch (RejectedExecutionException stopping) {
        quietly(socket);
      }
    }
  }

  private void route(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(HEAD_TIMEOUT_MILLIS);
      InputStream in = socket.getInputStream();
      Head head = new Head();
      if (!head.readLine(in) || !head.isWebSocketPath()) {
        socket.setSoTimeout(0);
        pipe(socket, head.bytes());
        return;
      }
      if (!head.readRest(in)) {
        reject(socket, 431, "request head too large or incomplete");
        return;
      }
      handshake(socket, head);
    } catch (IOException e) {
      LOG.log(Level.FINE, "devmint: connection failed", e);
      quietly(socket);
    }
  }

  private void handshake(Socket socket, Head head) throws IOException {
    Map<String, String> h = head.headers();
    String key = h.getOrDefault("sec-websocket-key", "").trim();
    byte[] nonce;
    try {
      nonce = Base64.getDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      nonce = new byte[0];
    }
    if (!head.requestLine().startsWith("GET ")
        || !head.requestLine().endsWith(" HTTP/1.1")
        || !h.getOrDefault("upgrade", "").toLowerCase(Locale.ROOT).contains("websocket")
        || !h.getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("upgrade")
        || nonce.length != 16) {
      reject(socket, 400, "a WebSocket handshake is expected here");
      return;
    }
    if (!"13".equals(h.getOrDefault("sec-websocket-version", "").trim())) {
      reject(socket, 426, "WebSocket version 13 only");
      return;
    }
    String accept;
    try {
      accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
    OutputStream out = socket.getOutputStream();
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    socket.setSoTimeout(0); // subscribers are quiet for as long as nothing changes
    InputStream rest =
        new SequenceInputStream(new ByteArrayInputStream(head.leftover()), socket.getInputStream());
    hub.serve(new WebSocketConnection(socket, rest));
  }

  private static void reject(Socket socket, int status, String detail) {
    byte[] body =
        ("{\"detail\":\"" + detail + "\",\"code\":10000}").getBytes(StandardCharsets.UTF_8);
    String reason =
        switch (status) {
          case 426 -> "Upgrade Required";
          case 431 -> "Request Header Fields Too Large";
          default -> "Bad Request";
        };
    try (socket) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 "
                  + status
                  + " "
                  + reason
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + (status == 426 ? "\r\nSec-WebSocket-Version: 13" : "")
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    } catch (IOException gone) {
      // the client left
    }
  }

  /** Carries a connection to the JDK server and back, starting with the bytes already read. */
  private void pipe(Socket client, byte[] already) throws IOException {
    Socket server = new Socket();
    try {
      server.setTcpNoDelay(true);
      server.connect(inner, HEAD_TIMEOUT_MILLIS);
      server.getOutputStream().write(already);
      server.getOutputStream().flush();
    } catch (IOException e) {
      quietly(server);
      quietly(client);
      throw e;
    }
    try {
      executor.execute(() -> copy(server, client));
    } catch (RejectedExecutionException stopping) {
      quietly(server);
      quietly(client);
      return;
    }
    copy(client, server);
  }

  /** Copies one direction until it ends, then ends the connection both ways. */
  private static void copy(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (SocketException closed) {
      // the other direction ended the connection
    } catch (IOException e) {
      LOG.log(Level.FINE, "devmint: piped connection failed", e);
    } finally {
      quietly(from);
      quietly(to);
    }
  }

  private static void quietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  /** The first request's line, and for a handshake its headers, read with bounds. */
  private static final class Head {
    private byte[] buffer = new byte[1024];
    private int length;
    private int lineEnd = -1;
    private int headEnd = -1;

    /** Reads up to the end of the request line; false if the line is not there within bounds. */
    boolean readLine(InputStream in) throws IOException {
      while (lineEnd < 0) {
        lineEnd = indexOf(new byte[] {'\r', '\n'}, 0);
        if (lineEnd >= 0) {
          return true;
        }
        if (length >= MAX_LINE || !fill(in)) {
          return false;
        }
      }
      return true;
    }

    /** Reads up to the end of the head; false if it is not there within bounds. */
    boolean readRest(InputStream in) throws IOException {
      while (headEnd < 0) {
        int at = indexOf(new byte[] {'\r', '\n', '\r', '\n'}, 0);
        if (at >= 0) {
          headEnd = at + 4;
          return true;
        }
        if (length >= MAX_HEAD || !fill(in)) {
          return false;
        }
      }
      return true;
    }

    String requestLine() {
      return new String(buffer, 0, lineEnd, StandardCharsets.ISO_8859_1);
    }

    boolean isWebSocketPath() {
      String[] parts = requestLine().split(" ");
      if (parts.length != 3) {
        return false;
      }
      String target = parts[1];
      int query = target.indexOf('?');
      return (query < 0 ? target : target.substring(0, query)).equals(WS_PATH);
    }

    /** The header fields by lower-case name; a repeated field keeps its last value. */
    Map<String, String> headers() {
      Map<String, String> headers = new HashMap<>();
      String text =
          new String(buffer, lineEnd + 2, headEnd - lineEnd - 2, StandardCharsets.ISO_8859_1);
      for (String line : text.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      return headers;
    }

    byte[] bytes() {
      return Arrays.copyOf(buffer, length);
    }

    byte[] leftover() {
      return Arrays.copyOfRange(buffer, headEnd, length);
    }

    private boolean fill(InputStream in) throws IOException {
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_HEAD + 1024));
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        return false;
      }
      length += n;
      return true;
    }

    private int indexOf(byte[] needle, int from) {
      outer:
      for (int i = from; i + needle.length <= length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (buffer[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }

  static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }
}

package org.openpleb.ee.web.offer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over a socket, for requests a well-behaved client library refuses to send
 * (a NUL in the path, a broken Content-Type, a header of 100 KiB, a lying chunked body). Each
 * request gets its own connection, closed after the answer.
 */
final class RawHttp {

  /** The most bytes of an answer read; a larger one is a failure of the test's own. */
  private static final int MAX_ANSWER = 1 << 20;

  private final String host;
  private final int port;

  RawHttp(URL base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  /** An answer: status, headers by lower-case name (last value wins), body as UTF-8 text. */
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Sends {@code head} (request line and headers, each ending in CRLF, without the blank line) then
   * a blank line and {@code body}, and reads the answer.
   */
  Answer send(String head, byte[] body) throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      if (body != null && body.length > 0) {
        try {
          out.write(body);
        } catch (IOException refusedMidway) {
          // The server may answer and close before it read a body it refused: read that answer.
        }
      }
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP answer: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      body = chunked(in);
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readNBytes(MAX_ANSWER);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        while (!line(in).isEmpty()) {
          // trailers, if any
        }
        return body.toByteArray();
      }
      if (body.size() + n > MAX_ANSWER) {
        throw new IOException("answer larger than " + MAX_ANSWER + " bytes");
      }
      body.write(in.readNBytes(n));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (line.size() > 65_536) {
        throw new IOException("header line too long");
      }
      line.write(b);
    }
    if (b == -1 && line.size() == 0) {
      throw new IOException("connection closed before an answer");
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}

package org.openpleb.devmint.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One server side of an RFC 6455 WebSocket on a plain socket, after the handshake: it reads masked
 * client frames, answers pings, hands on whole text messages and closes with the right status on
 * anything it does not accept (unmasked or reserved-bit frames, binary messages, invalid UTF-8, a
 * frame or message above {@link #MAX_MESSAGE} bytes). Writes are serialized; frames it sends are
 * unmasked, as the RFC wants of a server.
 */
final class WebSocketConnection implements AutoCloseable {

  /** The largest text message (and so the largest frame) a client may send. */
  static final int MAX_MESSAGE = 64 * 1024;

  static final int NORMAL = 1000;
  static final int PROTOCOL_ERROR = 1002;
  static final int UNSUPPORTED = 1003;
  static final int INVALID_DATA = 1007;
  static final int TOO_BIG = 1009;

  private static final int CONTINUATION = 0x0;
  private static final int TEXT = 0x1;
  private static final int BINARY = 0x2;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private volatile boolean closed;
  private volatile boolean muted;

  WebSocketConnection(Socket socket, InputStream in) throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
  }

  /**
   * Reads messages until the connection ends, handing each text message to {@code onText}. Returns
   * when the peer closed, the connection broke, or a frame was refused (then a close frame with the
   * reason was sent).
   */
  void readLoop(Consumer<String> onText) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    boolean inMessage = false;
    try {
      while (!closed) {
        int b0 = in.read();
        if (b0 < 0) {
          return;
        }
        int b1 = readByte();
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        if ((b0 & 0x70) != 0) {
          refuse(PROTOCOL_ERROR, "reserved bits set");
          return;
        }
        if ((b1 & 0x80) == 0) {
          refuse(PROTOCOL_ERROR, "client frames must be masked");
          return;
        }
        long length = b1 & 0x7F;
        if (length == 126) {
          length = (readByte() << 8) | readByte();
        } else if (length == 127) {
          length = 0;
          for (int i = 0; i < 8; i++) {
            length = (length << 8) | readByte();
          }
          if (length < 0) {
            refuse(PROTOCOL_ERROR, "bad frame length");
            return;
          }
        }
        boolean control = (opcode & 0x8) != 0;
        if (control && (!fin || length > 125)) {
          refuse(PROTOCOL_ERROR, "bad control frame");
          return;
        }
        if (length > MAX_MESSAGE || !control && message.size() + length > MAX_MESSAGE) {
          refuse(TOO_BIG, "message too big");
          return;
        }
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes((int) length);
        if (mask.length < 4 || payload.length < length) {
          return;
        }
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i & 3];
        }
        switch (opcode) {
          case PING -> {
            if (!muted) {
              send(PONG, payload);
            }
          }
          case PONG -> {
            // unsolicited pongs are allowed and mean nothing
          }
          case CLOSE -> {
            answerClose(payload);
            return;
          }
          case TEXT, CONTINUATION -> {
            if (opcode == TEXT == inMessage) {
              refuse(PROTOCOL_ERROR, "unexpected frame in the message sequence");
              return;
            }
            inMessage = !fin;
            message.write(payload);
            if (fin) {
              String text = utf8(message.toByteArray());
              message.reset();
              if (text == null) {
                refuse(INVALID_DATA, "text is not UTF-8");
                return;
              }
              onText.accept(text);
            }
          }
          case BINARY -> {
            refuse(UNSUPPORTED, "binary messages are not supported");
            return;
          }
          default -> {
            refuse(PROTOCOL_ERROR, "unknown opcode");
            return;
          }
        }
      }
    } catch (IOException broken) {
      // the peer went away or the socket was dropped: nothing to answer
    } finally {
      close();
    }
  }

  /** Sends one text message; false if the connection is gone. */
  boolean sendText(String text) {
    if (muted) {
      return true; // swallowed, as a forgotten connection would
    }
    try {
      send(TEXT, text.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException gone) {
      close();
      return false;
    }
  }

  /** From now on nothing is sent and pings go unanswered; the connection stays open. */
  void mute() {
    muted = true;
  }

  /** Closes with a close frame carrying {@code code}. */
  void closeWith(int code, String reason) {
    try {
      refuse(code, reason);
    } finally {
      close();
    }
  }

  /** Ends the TCP connection at once, without a close frame (a dropped socket). */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  boolean isOpen() {
    return !closed;
  }

  private void answerClose(byte[] payload) {
    if (payload.length == 1) {
      refuse(PROTOCOL_ERROR, "bad close frame");
      return;
    }
    try {
      // echo the peer's status code, as the RFC asks
      send(CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
    } catch (IOException gone) {
      // closing anyway
    }
  }

  private void refuse(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    ByteBuffer body = ByteBuffer.allocate(2 + text.length);
    body.putShort((short) code).put(text);
    try {
      send(CLOSE, body.array());
    } catch (IOException gone) {
      // closing anyway
    }
  }

  private void send(int opcode, byte[] payload) throws IOException {
    int headerLength = payload.length < 126 ? 2 : payload.length <= 0xFFFF ? 4 : 10;
    ByteBuffer frame = ByteBuffer.allocate(headerLength + payload.length);
    frame.put((byte) (0x80 | opcode));
    if (payload.length < 126) {
      frame.put((byte) payload.length);
    } else if (payload.length <= 0xFFFF) {
      frame.put((byte) 126).putShort((short) payload.length);
    } else {
      frame.put((byte) 127).putLong(payload.length);
    }
    frame.put(payload);
    synchronized (out) {
      out.write(frame.array());
      out.flush();
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}

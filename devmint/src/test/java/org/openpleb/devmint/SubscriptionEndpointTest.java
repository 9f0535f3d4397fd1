package org.openpleb.devmint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * NUT-17 at the dev mint's {@code /v1/ws}, spoken frame by frame over a raw socket: the RFC 6455
 * handshake, subscriptions with the current state sent at once and a notification on payment, and
 * the refusals of frames a server must not take (unmasked, too large, binary, bad JSON-RPC).
 */
class SubscriptionEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The sample nonce of RFC 6455 section 1.3 and the accept value the RFC gives for it. */
  private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

  private DevMint mint;

  @AfterEach
  void stop() {
    if (mint != null) {
      mint.close();
    }
  }

  @Test
  void infoAdvertisesNut17AndTheHandshakeAnswersTheRfcAcceptValue() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults());
    TestWallet wallet = new TestWallet(mint.url());
    JsonNode nut17 = TestWallet.ok(wallet.get("/v1/info")).path("nuts").path("17");
    JsonNode entry = nut17.path("supported").path(0);
    assertEquals("bolt11", entry.path("method").asText(), nut17::toString);
    assertEquals("sat", entry.path("unit").asText());
    assertEquals(
        "[\"bolt11_mint_quote\",\"bolt11_melt_quote\",\"proof_state\"]",
        entry.path("commands").toString());

    try (Socket socket = new Socket("127.0.0.1", mint.port())) {
      String head = handshake(socket, RFC_KEY);
      assertTrue(head.startsWith("HTTP/1.1 101 "), head);
      assertTrue(head.contains("Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n"), head);
    }
  }

  @Test
  void aSubscriptionGetsTheCurrentStateAtOnceAndThePaymentLater() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults().withAutoPay(false));
    TestWallet wallet = new TestWallet(mint.url());
    String quote = wallet.mintQuote(21).get("quote").asText();
    try (Socket socket = open()) {
      sendText(
          socket,
          "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"subscribe\",\"params\":"
              + "{\"kind\":\"bolt11_mint_quote\",\"subId\":\"s1\",\"filters\":[\""
              + quote
              + "\"]}}");
      JsonNode answer = readJson(socket);
      assertEquals("OK", answer.path("result").path("status").asText(), answer::toString);
      assertEquals(7, answer.path("id").asInt());
      JsonNode first = readJson(socket);
      assertEquals("subscribe", first.path("method").asText(), first::toString);
      assertEquals("s1", first.path("params").path("subId").asText());
      assertEquals(quote, first.path("params").path("payload").path("quote").asText());
      assertEquals("UNPAID", first.path("params").path("payload").path("state").asText());

      mint.control().markQuotePaid(quote);

      JsonNode paid = readJson(socket);
      assertEquals("PAID", paid.path("params").path("payload").path("state").asText());

      sendText(
          socket,
          "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"unsubscribe\",\"params\":{\"subId\":\"s1\"}}");
      assertEquals("OK", readJson(socket).path("result").path("status").asText());
    }
  }

  @Test
  void badRequestsGetJsonRpcErrorsAndTheSocketStaysUsable() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults());
    try (Socket socket = open()) {
      sendText(socket, "not json");
      assertEquals(-32700, readJson(socket).path("error").path("code").asInt());
      sendText(socket, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\",\"params\":{}}");
      assertEquals(-32601, readJson(socket).path("error").path("code").asInt());
      sendText(
          socket,
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"subscribe\",\"params\":"
              + "{\"kind\":\"bolt11_mint_quote\",\"subId\":\"s\",\"filters\":[]}}");
      assertEquals(-32602, readJson(socket).path("error").path("code").asInt());
      // a ping is answered with a pong carrying its payload
      writeFrame(socket.getOutputStream(), 0x9, "hi".getBytes(StandardCharsets.UTF_8), true);
      Frame pong = readFrame(socket.getInputStream());
      assertEquals(0xA, pong.opcode());
      assertEquals("hi", new String(pong.payload(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void anUnmaskedFrameIsAProtocolError() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults());
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {(byte) 0x81, 0x02, 'h', 'i'});
      out.flush();
      assertEquals(1002, closeCode(readFrame(socket.getInputStream())));
      assertEquals(-1, socket.getInputStream().read(), "the server hangs up");
    }
  }

  @Test
  void anOversizedFrameIsRefusedBeforeItsPayloadIsRead() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults());
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      // a text frame claiming 2^40 bytes: refused on its header alone
      ByteBuffer header = ByteBuffer.allocate(14);
      header.put((byte) 0x81).put((byte) (0x80 | 127)).putLong(1L << 40).putInt(0);
      out.write(header.array());
      out.flush();
      assertEquals(1009, closeCode(readFrame(socket.getInputStream())));
    }
  }

  @Test
  void aMessageTooLargeInFragmentsIsRefusedAndBinaryIsUnsupported() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults());
    try (Socket socket = open()) {
      byte[] part = new byte[40 * 1024];
      writeFrame(socket.getOutputStream(), 0x1, part, false);
      writeFrame(socket.getOutputStream(), 0x0, part, true);
      assertEquals(1009, closeCode(readFrame(socket.getInputStream())));
    }
    try (Socket socket = open()) {
      writeFrame(socket.getOutputStream(), 0x2, new byte[] {1, 2}, true);
      assertEquals(1003, closeCode(readFrame(socket.getInputStream())));
    }
  }

  @Test
  void aRequestThatIsNotAHandshakeIsRefused() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults());
    try (Socket socket = new Socket("127.0.0.1", mint.port())) {
      socket
          .getOutputStream()
          .write("GET /v1/ws HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String head = readHead(socket.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 400 "), head);
    }
  }

  @Test
  void droppedSocketsAreCutWithoutACloseFrame() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults());
    try (Socket socket = open()) {
      waitForSockets(1);
      assertEquals(1, mint.control().dropSockets());
      assertEquals(-1, socket.getInputStream().read(), "no close frame, the TCP connection ends");
      waitForSockets(0);
    }
  }

  @Test
  void mutedSocketsStayOpenButAnswerNothing() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults());
    TestWallet wallet = new TestWallet(mint.url());
    try (Socket socket = open()) {
      waitForSockets(1);
      assertEquals(
          1, TestWallet.ok(wallet.post("/dev/sockets/mute", Map.of())).path("muted").asInt());
      writeFrame(socket.getOutputStream(), 0x9, "hi".getBytes(StandardCharsets.UTF_8), true);
      sendText(socket, "not json");
      socket.setSoTimeout(1000);
      assertThrows(
          SocketTimeoutException.class,
          () -> socket.getInputStream().read(),
          "neither the pong nor the parse error is sent");
      assertEquals(1, mint.openSockets(), "the connection is still open");
    }
    waitForSockets(0);
    try (Socket fresh = open()) {
      waitForSockets(1);
      writeFrame(fresh.getOutputStream(), 0x9, "hi".getBytes(StandardCharsets.UTF_8), true);
      assertEquals(0xA, readFrame(fresh.getInputStream()).opcode(), "a later socket answers");
    }
  }

  @Test
  void withNut17OffNothingIsAdvertisedAndThereIsNoEndpoint() throws Exception {
    mint = DevMint.start(DevMintConfig.defaults().withNut17(false));
    TestWallet wallet = new TestWallet(mint.url());
    assertFalse(TestWallet.ok(wallet.get("/v1/info")).path("nuts").has("17"));
    assertFalse(mint.offersSubscriptions());
    try (Socket socket = new Socket("127.0.0.1", mint.port())) {
      String head = handshake(socket, RFC_KEY);
      assertTrue(head.startsWith("HTTP/1.1 404 "), head);
    }
  }

  // ---- a minimal client, frame by frame ----

  private Socket open() throws IOException {
    Socket socket = new Socket("127.0.0.1", mint.port());
    socket.setSoTimeout(10_000);
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);
    String head = handshake(socket, java.util.Base64.getEncoder().encodeToString(nonce));
    assertTrue(head.startsWith("HTTP/1.1 101 "), head);
    return socket;
  }

  private static String handshake(Socket socket, String key) throws IOException {
    socket.setSoTimeout(10_000);
    socket
        .getOutputStream()
        .write(
            ("GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: "
                    + key
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    return readHead(socket.getInputStream());
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void sendText(Socket socket, String text) throws IOException {
    writeFrame(socket.getOutputStream(), 0x1, text.getBytes(StandardCharsets.UTF_8), true);
  }

  private static void writeFrame(OutputStream out, int opcode, byte[] payload, boolean fin)
      throws IOException {
    byte[] mask = new byte[4];
    new SecureRandom().nextBytes(mask);
    ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
    frame.put((byte) ((fin ? 0x80 : 0) | opcode));
    if (payload.length < 126) {
      frame.put((byte) (0x80 | payload.length));
    } else if (payload.length <= 0xFFFF) {
      frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
    } else {
      frame.put((byte) (0x80 | 127)).putLong(payload.length);
    }
    frame.put(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.put((byte) (payload[i] ^ mask[i & 3]));
    }
    out.write(frame.array(), 0, frame.position());
    out.flush();
  }

  private record Frame(int opcode, byte[] payload) {}

  private static Frame readFrame(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    assertEquals(0, b1 & 0x80, "server frames are not masked");
    long length = b1 & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame(b0 & 0x0F, payload);
  }

  private static JsonNode readJson(Socket socket) throws IOException {
    Frame frame = readFrame(socket.getInputStream());
    assertEquals(0x1, frame.opcode());
    return JSON.readTree(frame.payload());
  }

  private static int closeCode(Frame frame) {
    assertEquals(0x8, frame.opcode());
    return ByteBuffer.wrap(frame.payload()).getShort() & 0xFFFF;
  }

  private void waitForSockets(int count) throws InterruptedException {
    // the server registers a socket on its own thread just after the handshake answer
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (mint.openSockets() != count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(count, mint.openSockets());
  }
}

package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** Reading a receipt image's size from its header, from real images and from forged ones. */
class ImageHeaderTest {

  static byte[] png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  static byte[] jpeg(int width, int height, boolean progressive) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(
          null,
          new IIOImage(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), null, null),
          param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** A RIFF/WEBP file holding one chunk. */
  static byte[] webp(String fourcc, byte[] chunk) {
    int padded = chunk.length + (chunk.length & 1);
    ByteBuffer b = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII));
    b.putInt(12 + padded);
    b.put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put(fourcc.getBytes(StandardCharsets.US_ASCII));
    b.putInt(chunk.length);
    b.put(chunk);
    return b.array();
  }

  /** A lossless WebP of {@code width} x {@code height} (header only, as the parser reads it). */
  static byte[] vp8l(int width, int height) {
    long bits = (width - 1) | ((long) (height - 1) << 14);
    byte[] chunk = new byte[8];
    chunk[0] = 0x2F;
    for (int i = 0; i < 4; i++) {
      chunk[1 + i] = (byte) (bits >>> (8 * i));
    }
    return webp("VP8L", chunk);
  }

  /** A lossy WebP key frame header of {@code width} x {@code height}. */
  static byte[] vp8(int width, int height) {
    byte[] chunk = new byte[16];
    chunk[0] = 0x10; // key frame (bit 0 clear), version 0, shown
    chunk[3] = (byte) 0x9D;
    chunk[4] = 0x01;
    chunk[5] = 0x2A;
    chunk[6] = (byte) width;
    chunk[7] = (byte) (width >>> 8);
    chunk[8] = (byte) height;
    chunk[9] = (byte) (height >>> 8);
    return webp("VP8 ", chunk);
  }

  /** An extended WebP whose canvas is {@code width} x {@code height}. */
  static byte[] vp8x(long width, long height) {
    byte[] chunk = new byte[10];
    chunk[0] = 0x10; // alpha
    for (int i = 0; i < 3; i++) {
      chunk[4 + i] = (byte) ((width - 1) >>> (8 * i));
      chunk[7 + i] = (byte) ((height - 1) >>> (8 * i));
    }
    return webp("VP8X", chunk);
  }

  private static void assertHeader(String type, long width, long height, byte[] bytes) {
    assertEquals(Optional.of(new ImageHeader(type, width, height)), ImageHeader.read(bytes));
  }

  private static void assertMalformed(byte[] bytes) {
    assertEquals(Optional.empty(), ImageHeader.read(bytes));
  }

  @Test
  void realPngsAndJpegsTellTheirSize() throws IOException {
    assertHeader("image/png", 37, 5, png(37, 5));
    assertHeader("image/png", 1, 300, png(1, 300));
    assertHeader("image/jpeg", 64, 48, jpeg(64, 48, false));
    assertHeader("image/jpeg", 17, 333, jpeg(17, 333, true));
    assertEquals(17L * 333, ImageHeader.read(jpeg(17, 333, true)).orElseThrow().pixels());
  }

  @Test
  void webpHeadersOfEachKindTellTheirSize() {
    assertHeader("image/webp", 640, 480, vp8(640, 480));
    assertHeader("image/webp", 16383, 1, vp8l(16383, 1));
    assertHeader("image/webp", 1, 1, vp8l(1, 1));
    assertHeader("image/webp", 16_777_216, 200, vp8x(16_777_216, 200));
  }

  @Test
  void theTwelveByteFakeWebpIsMalformed() {
    byte[] fake = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};
    assertEquals(Optional.of("image/webp"), ReceiptImage.sniff(fake));
    assertMalformed(fake);
  }

  @Test
  void magicBytesFollowedByNoiseAreMalformed() {
    Random random = new Random(11);
    byte[] noise = new byte[4096];
    random.nextBytes(noise);
    byte[] pngMagic = noise.clone();
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, pngMagic, 0, 8);
    byte[] jpegMagic = noise.clone();
    jpegMagic[0] = (byte) 0xFF;
    jpegMagic[1] = (byte) 0xD8;
    jpegMagic[2] = (byte) 0xFF;
    assertMalformed(pngMagic);
    assertMalformed(jpegMagic);
    assertMalformed(new byte[0]);
    assertMalformed(null);
  }

  @Test
  void everyTruncationOfARealImageIsMalformedOrExact() throws IOException {
    for (byte[] image : new byte[][] {png(9, 7), jpeg(9, 7, false), vp8(9, 7), vp8x(9, 7)}) {
      for (int cut = 0; cut < Math.min(image.length, 700); cut++) {
        Optional<ImageHeader> read = ImageHeader.read(Arrays.copyOf(image, cut));
        assertTrue(
            read.isEmpty() || (read.get().width() == 9 && read.get().height() == 7),
            "cut at " + cut);
      }
    }
  }

  @Test
  void aPngWhoseHeaderWasAlteredIsMalformed() throws IOException {
    byte[] image = png(10, 10);
    byte[] wider = image.clone();
    wider[16 + 2] = 0x7F; // width grows, the CRC no longer matches
    assertMalformed(wider);

    byte[] huge = image.clone();
    ByteBuffer.wrap(huge).putInt(16, 100_000).putInt(20, 100_000);
    CRC32 crc = new CRC32();
    crc.update(huge, 12, 17);
    ByteBuffer.wrap(huge).putInt(29, (int) crc.getValue());
    // well-formed, so it is read: refusing its 10^10 pixels is the cap's job
    assertHeader("image/png", 100_000, 100_000, huge);

    byte[] zero = image.clone();
    ByteBuffer.wrap(zero).putInt(16, 0);
    crc.reset();
    crc.update(zero, 12, 17);
    ByteBuffer.wrap(zero).putInt(29, (int) crc.getValue());
    assertMalformed(zero);
  }

  @Test
  void aJpegWithoutAFrameOrWithAZeroHeightIsMalformed() throws IOException {
    byte[] image = jpeg(20, 10, false);
    int frame = indexOf(image, (byte) 0xFF, (byte) 0xC0);
    byte[] noHeight = image.clone();
    noHeight[frame + 5] = 0;
    noHeight[frame + 6] = 0;
    assertMalformed(noHeight);

    byte[] scanFirst = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2, 0, 0};
    assertMalformed(scanFirst);
    byte[] endFirst = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    assertMalformed(endFirst);
    byte[] loopingLength = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};
    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertMalformed(loopingLength));
  }

  @Test
  void webpWithBrokenChunksIsMalformed() {
    byte[] lossless = vp8l(30, 30);
    byte[] badSignature = lossless.clone();
    badSignature[20] = 0x2E;
    assertMalformed(badSignature);

    byte[] lossy = vp8(30, 30);
    byte[] noStartCode = lossy.clone();
    noStartCode[23] = 0;
    assertMalformed(noStartCode);
    byte[] interFrame = lossy.clone();
    interFrame[20] = 0x11;
    assertMalformed(interFrame);

    byte[] riffTooLong = lossless.clone();
    riffTooLong[4] = (byte) 0xFF;
    assertMalformed(riffTooLong);
    byte[] chunkTooLong = lossless.clone();
    chunkTooLong[16] = (byte) 0xF0;
    assertMalformed(chunkTooLong);
    assertMalformed(webp("ALPH", new byte[10]));
    // 2^24 x 2^24 is above the container's 2^32 pixels
    assertMalformed(vp8x(16_777_216, 16_777_216));
  }

  private static int indexOf(byte[] bytes, byte a, byte b) {
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == a && bytes[i + 1] == b) {
        return i;
      }
    }
    throw new AssertionError("marker not found");
  }
}

package org.openpleb.ee.web.request;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may yield at most {@code max} bytes: reading a byte past them throws {@link
 * BodyTooLargeException}, so however the body arrives (declared length or chunked) at most {@code
 * max + 1} bytes are ever taken into memory. Before throwing it reads and drops the rest of the
 * body (up to {@link #DRAIN_LIMIT}), so a client still sending receives the refusal instead of a
 * reset.
 */
public final class BoundedInputStream extends FilterInputStream {

  /** The most bytes of a refused body read and dropped before the connection is given up. */
  public static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  private final long max;
  private long count;

  /** {@code in}, limited to {@code max} bytes. */
  public BoundedInputStream(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      passed(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // Never ask for more than one byte past the limit, whatever the caller's buffer.
    long allowed = Math.max(1, Math.min(length, max - count + 1));
    int n = in.read(buffer, offset, (int) Math.min(length, allowed));
    if (n > 0) {
      passed(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(Math.min(n, max - count + 1));
    passed(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void passed(long n) throws IOException {
    count += n;
    if (count > max) {
      drain(in);
      throw new BodyTooLargeException(max);
    }
  }

  /** Reads and drops what is left of {@code in}, at most {@link #DRAIN_LIMIT} bytes. */
  public static void drain(InputStream in) throws IOException {
    long left = DRAIN_LIMIT;
    byte[] sink = new byte[8192];
    int n;
    while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
      left -= n;
    }
  }
}

package org.openpleb.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuProfileTest {

  private static final String JFR_TEXT =
      "jdk.ExecutionSample {\n"
          + "  startTime = 10:46:00.042\n"
          + "  sampledThread = \"http-thread-pool::http-listener(3)\" (javaThreadId = 91)\n"
          + "  state = \"STATE_RUNNABLE\"\n"
          + "  stackTrace = [\n"
          + "    java.util.HashMap.getNode(Object) line: 570\n"
          + "    org.jboss.weld.bean.proxy.ProxyMethodHandler.invoke(Object, Method) line: 10\n"
          + "    org.openpleb.ee.session.SessionAuthentication.authenticate(String) line: 44\n"
          + "    ...\n"
          + "  ]\n"
          + "}\n"
          + "\n"
          + "jdk.ExecutionSample {\n"
          + "  stackTrace = [\n"
          + "    org.bouncycastle.math.raw.Nat256.mul(int[], int[], int[]) line: 1\n"
          + "    org.openpleb.cashu.crypto.Dleq.verify(byte[]) line: 2\n"
          + "    org.openpleb.ee.wallet.SessionWallet.mint(String) line: 3\n"
          + "  ]\n"
          + "}\n"
          + "jdk.ExecutionSample {\n"
          + "  stackTrace = [\n"
          + "    java.lang.Thread.run() line: 833\n"
          + "  ]\n"
          + "}\n";

  @Test
  void parsesTheFramesOfEverySample() throws IOException {
    List<List<String>> stacks = CpuProfiler.parse(new BufferedReader(new StringReader(JFR_TEXT)));
    assertEquals(3, stacks.size());
    assertEquals(
        List.of(
            "java.util.HashMap.getNode",
            "org.jboss.weld.bean.proxy.ProxyMethodHandler.invoke",
            "org.openpleb.ee.session.SessionAuthentication.authenticate"),
        stacks.get(0));
  }

  @Test
  void jdkFramesCountForTheLibraryThatCalledThem() throws IOException {
    CpuProfile p =
        CpuProfile.of(
            "test", 1.0, CpuProfiler.parse(new BufferedReader(new StringReader(JFR_TEXT))), 10);
    assertEquals(3, p.samples());
    assertEquals(
        "CDI (Weld)",
        CpuProfile.component(List.of("java.util.HashMap.getNode", "org.jboss.weld.X.y")));
    assertEquals(
        List.of(
            new CpuProfile.Share("CDI (Weld)", 1 / 3.0),
            new CpuProfile.Share("JDK only (threads, I/O, collections)", 1 / 3.0),
            new CpuProfile.Share("secp256k1 arithmetic (Bouncy Castle)", 1 / 3.0)),
        p.components().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList());
    // the innermost OpenPleb frame, not the outermost
    assertEquals(2, p.appMethods().size());
    assertEquals(
        true,
        p.appMethods().stream()
            .anyMatch(s -> s.name().equals("org.openpleb.cashu.crypto.Dleq.verify")));
    assertEquals(
        "HTTP client (mint calls)",
        CpuProfile.component(List.of("jdk.internal.net.http.Http1Exchange.x")));
  }
}

package org.openpleb.ee.web.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openpleb.ee.admin.AdminPasswordHasher;
import org.openpleb.ee.web.contract.ContractCheck;

/**
 * The reconciliation in an IT class's end state: once every test of the class ran, the admin runs
 * {@code POST /api/admin/reconciliations} on the deployment and the report must be balanced: 0 sats
 * difference in the wallet files, no finding of any kind but one: the IT classes of a build share
 * one database but each deploys with a wallet folder of its own, so the wallets earlier classes
 * left in the database have no file here and are reported {@code FILE_MISSING}; those are
 * tolerated, and {@code differenceSats} must be exactly their part ({@code missingFileSats}). A
 * class run alone (a fresh database) has none, and its report is balanced outright. Register it
 * after {@code ArquillianExtension} (so it runs before the undeployment):
 * {@code @ExtendWith(ReconciledAtEnd.class)}. It finds the deployment through the test's
 * {@code @ArquillianResource URL} field and logs in as the ITs' admin ({@link #ADMIN_USER}). One
 * run per class, so a class's run time hardly changes.
 */
public final class ReconciledAtEnd implements AfterEachCallback, AfterAllCallback {

  /** The admin every trading and wallet IT deployment configures. */
  public static final String ADMIN_USER = "operator";

  /** Its password. */
  public static final String ADMIN_PASSWORD = "correct horse battery staple";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The config lines that make {@link #ADMIN_USER} the deployment's admin, for a suite whose
   * deployment configures no admin of its own.
   */
  public static String adminSettings() {
    return "OPENPLEB_ADMIN_USER="
        + ADMIN_USER
        + "\nOPENPLEB_ADMIN_PASSWORD_HASH="
        + AdminPasswordHasher.hash(ADMIN_PASSWORD.toCharArray())
        + "\n";
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ExtensionContext.Namespace HERE =
      ExtensionContext.Namespace.create(ReconciledAtEnd.class);

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (inContainer()) {
      return;
    }
    Object test = context.getRequiredTestInstance();
    for (Class<?> c = test.getClass(); c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getType() == URL.class && field.isAnnotationPresent(ArquillianResource.class)) {
          field.setAccessible(true);
          Object base = field.get(test);
          if (base != null) {
            context.getParent().orElseThrow().getStore(HERE).put("base", base);
          }
        }
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (inContainer()) {
      return;
    }
    URL base = context.getStore(HERE).get("base", URL.class);
    if (base == null) {
      throw new AssertionError("ReconciledAtEnd found no @ArquillianResource URL field");
    }
    assertBalanced(base);
  }

  /**
   * Runs a reconciliation on the deployment at {@code base} and requires it balanced as the class
   * comment says. For a class whose tests run inside the server (no URL on the client side), call
   * it from a last {@code @RunAsClient} test.
   */
  public static void assertBalanced(URL base) throws Exception {
    JsonNode report = reconcile(base);
    assertEquals(0, report.path("filesDifferenceSats").asLong(), report::toPrettyString);
    assertEquals(
        report.path("missingFileSats").asLong(),
        report.path("differenceSats").asLong(),
        report::toPrettyString);
    report
        .path("findingCounts")
        .fields()
        .forEachRemaining(
            kind ->
                assertEquals(
                    "FILE_MISSING",
                    kind.getKey(),
                    () -> "the reconciliation found " + report.toPrettyString()));
    assertEquals(
        report.path("findingsTotal").asInt(),
        report.path("findingCounts").path("FILE_MISSING").asInt(),
        report::toPrettyString);
    assertTrue(report.path("mintAnswered").asBoolean(), report::toPrettyString);
  }

  /**
   * Whether this runs inside the server: Arquillian runs a testable deployment's test methods
   * there, with this extension around them; only the client side (where failsafe set {@code
   * war.file}) checks.
   */
  private static boolean inContainer() {
    return System.getProperty("war.file") == null;
  }

  /** Runs a reconciliation on the deployment at {@code base} as the admin; its report. */
  public static JsonNode reconcile(URL base) throws Exception {
    HttpResponse<String> run =
        send(
            HttpRequest.newBuilder(base.toURI().resolve("api/admin/reconciliations"))
                .header("Authorization", "Bearer " + adminToken(base))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, run.statusCode(), run::body);
    return JSON.readTree(run.body());
  }

  /** Logs the ITs' admin in on the deployment at {@code base}; the admin token. */
  public static String adminToken(URL base) throws Exception {
    String body =
        JSON.createObjectNode().put("user", ADMIN_USER).put("password", ADMIN_PASSWORD).toString();
    HttpResponse<String> login =
        send(
            HttpRequest.newBuilder(base.toURI().resolve("api/admin/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(201, login.statusCode(), login::body);
    return JSON.readTree(login.body()).path("token").asText();
  }

  private static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
    HttpRequest request = builder.timeout(Duration.ofSeconds(120)).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    ContractCheck.verify(request, response, response.body());
    return response;
  }
}

package org.openpleb.ee.web.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSession;
import org.openpleb.ee.web.contract.ContractCheck;

/**
 * Hands every exchange the typed client makes to {@link ContractCheck}, so the client's ITs check
 * the server's answers against its OpenAPI document like the ITs that speak raw HTTP. The body is
 * read once here and put back for the client to bind.
 */
final class ContractCheckFilter implements ClientResponseFilter {

  // headers java.net.http refuses to set; the check needs none of them
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  @Override
  public void filter(ClientRequestContext request, ClientResponseContext response)
      throws IOException {
    String body = null;
    if (response.hasEntity()) {
      byte[] bytes = response.getEntityStream().readAllBytes();
      response.setEntityStream(new ByteArrayInputStream(bytes));
      String type = response.getHeaderString("Content-Type");
      if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("image/")) {
        body = new String(bytes, StandardCharsets.UTF_8);
      }
    }
    HttpRequest sent = sent(request);
    ContractCheck.verify(sent, new Received(sent, response, body), body);
  }

  private static HttpRequest sent(ClientRequestContext request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.getUri())
            .method(request.getMethod(), HttpRequest.BodyPublishers.noBody());
    request
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    return builder.build();
  }

  /** The client's response as {@link ContractCheck} takes it. */
  private record Received(HttpRequest request, ClientResponseContext response, String body)
      implements HttpResponse<String> {

    @Override
    public int statusCode() {
      return response.getStatus();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      Map<String, List<String>> headers = response.getHeaders();
      return HttpHeaders.of(headers, (name, value) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}

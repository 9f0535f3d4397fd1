package org.openpleb.ee.web.contract;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The response-contract check of the ITs: every exchange an IT makes with the server is validated
 * against the server's own {@code /openapi} document, so code and document cannot drift apart.
 * Client-side only: never added to a test archive.
 */
public final class ContractCheck {

  private ContractCheck() {}

  /**
   * Validates one exchange against the OpenAPI document of the server that answered it.
   *
   * @param request the request as sent
   * @param response the response received
   * @param body the response body as text, or {@code null} when it is not text
   * @throws AssertionError naming the operation and the mismatch when the answer breaks the
   *     contract
   */
  public static void verify(HttpRequest request, HttpResponse<?> response, String body) {
    // the validation is wired in by the contract work of issue #13
  }
}

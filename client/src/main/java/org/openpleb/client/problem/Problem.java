package org.openpleb.client.problem;

/**
 * An RFC 9457 problem document as the server sends it with {@code application/problem+json}.
 *
 * @param type a URI naming the problem type
 * @param title the code's fixed human summary
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param instance the request path that failed
 * @param code the stable code a program branches on, e.g. {@code NOT_FOUND}
 * @param correlationId present only on {@code INTERNAL_ERROR}: the id the server logged
 */
public record Problem(
    String type,
    String title,
    Integer status,
    String detail,
    String instance,
    String code,
    String correlationId) {}

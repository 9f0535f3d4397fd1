package org.openpleb.devmint.wire;

/** The NUT-00 error body: a human text and a stable numeric code. */
public record ErrorResponse(String detail, int code) {}

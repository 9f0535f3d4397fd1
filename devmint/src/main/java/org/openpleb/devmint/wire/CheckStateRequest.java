package org.openpleb.devmint.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/checkstate} body (NUT-07): the points Y of the proofs to look up. */
public record CheckStateRequest(@JsonProperty("Ys") List<String> ys) {}

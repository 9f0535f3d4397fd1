package org.openpleb.client.escrow;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * What a Cashu mint says about proofs, by their {@code Y} (NUT-07): {@code UNSPENT}, {@code
 * PENDING} or {@code SPENT}.
 */
@FunctionalInterface
public interface MintStates {

  /** The mint's state of each of {@code ys}; a {@code Y} the mint did not answer for is absent. */
  Map<String, String> states(List<String> ys);

  /**
   * Asks the mint at {@code mintUrl} with {@code POST /v1/checkstate}, through the MicroProfile
   * Rest Client of the class path (10 s connect, 60 s read timeout).
   */
  static MintStates at(URI mintUrl) {
    CheckStateApi api =
        RestClientBuilder.newBuilder()
            .baseUri(mintUrl)
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            .build(CheckStateApi.class);
    return ys -> {
      Map<String, String> states = new HashMap<>();
      CheckStateResponse answer = api.checkState(new CheckStateRequest(ys));
      if (answer != null && answer.states() != null) {
        for (ProofState state : answer.states()) {
          states.put(state.y(), state.state());
        }
      }
      return states;
    };
  }

  /** The mint's NUT-07 endpoint. */
  @Path("/v1")
  interface CheckStateApi {

    /** The states of the proofs whose {@code Y} is listed, in the order asked. */
    @POST
    @Path("checkstate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CheckStateResponse checkState(CheckStateRequest request);
  }

  /**
   * NUT-07's request.
   *
   * @param ys the {@code Y} values to ask about
   */
  record CheckStateRequest(@JsonbProperty("Ys") List<String> ys) {}

  /**
   * NUT-07's answer.
   *
   * @param states one per {@code Y} asked
   */
  record CheckStateResponse(List<ProofState> states) {}

  /**
   * One proof's state.
   *
   * @param y the {@code Y} asked about
   * @param state UNSPENT, PENDING or SPENT
   * @param witness the witness it was spent with, if the mint says
   */
  record ProofState(@JsonbProperty("Y") String y, String state, String witness) {}
}

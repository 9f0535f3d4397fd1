package org.openpleb.bench.scenario;

import java.util.function.Function;
import org.openpleb.bench.client.ApiResponse;
import org.openpleb.bench.client.UserSession;

/**
 * One kind of call in the load mix, with its share of the calls.
 *
 * @param label the endpoint label latencies are grouped by
 * @param weight relative share of the calls
 * @param call makes the call as the given user
 */
public record Operation(String label, int weight, Function<UserSession, ApiResponse> call) {}

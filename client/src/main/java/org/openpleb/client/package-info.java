/**
 * The typed Java client of the OpenPleb API: {@link org.openpleb.client.OpenPlebClient} connects to
 * a server and hands out one MicroProfile Rest Client interface per feature; every refusal arrives
 * as a {@link org.openpleb.client.problem.ProblemException} carrying the stable problem code. Only
 * APIs are needed at compile time; any Rest Client implementation with JSON-B runs it.
 */
package org.openpleb.client;

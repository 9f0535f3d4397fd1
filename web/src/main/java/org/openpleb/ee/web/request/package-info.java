/**
 * What the API accepts as a request before any resource sees it: request bodies bounded by size per
 * media type for every method ({@code BodyLimitFilter}, {@code BoundedInputStream}), JSON bound
 * strictly to the request records, verdict enums included ({@code StrictJsonReader}, {@code
 * StrictJson}), and raw URIs and Content-Type headers checked so that malformed requests get a
 * problem document instead of the server's error page ({@code RequestGuardFilter}). It serves every
 * feature and depends on none.
 */
package org.openpleb.ee.web.request;

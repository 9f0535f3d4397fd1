/**
 * What the API accepts as a request before any resource sees it: request bodies bounded by size per
 * media type, JSON bound strictly to the request records, and raw URIs and Content-Type headers
 * checked so that malformed requests get a problem document instead of the server's error page.
 */
package org.openpleb.ee.web.request;

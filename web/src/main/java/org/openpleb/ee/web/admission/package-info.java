/**
 * The HTTP side of admission: every request's client address is resolved once, before matching,
 * from the connection peer and (behind trusted proxies only) {@code X-Forwarded-For}.
 */
package org.openpleb.ee.web.admission;

/**
 * The correlation id of a request: chosen when the request arrives, answered in {@code
 * X-Request-Id} and carried by every log line written while the request is handled.
 */
package org.openpleb.ee.web.correlation;

/**
 * The dev mint's HTTP face on the JDK's built-in server: the NUT endpoints under {@code /v1/}, the
 * test controls under {@code /dev/}, and the fault plan that makes /v1 requests fail, hang or drop
 * on demand.
 */
package org.openpleb.devmint.http;

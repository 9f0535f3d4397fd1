/**
 * Admission: who is asking and how much they may ask. Resolves the client's address behind trusted
 * proxies, so that per-address limits count the real sender and a forged {@code X-Forwarded-For}
 * from the internet counts nothing.
 */
package org.openpleb.ee.admission;

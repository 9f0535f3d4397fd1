/**
 * The offer API: the public order book, creating and funding offers, claims, receipts, the parties'
 * verdicts and the verifiable audit log. Mutating calls need the session of the right party;
 * receipts and audit logs are for the parties and the admin only.
 */
package org.openpleb.ee.web.offer;

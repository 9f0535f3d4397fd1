/**
 * The admin's disputes: the open ones with both parties' words, and their resolution by one of the
 * four paths with a reason.
 */
package org.openpleb.client.dispute;

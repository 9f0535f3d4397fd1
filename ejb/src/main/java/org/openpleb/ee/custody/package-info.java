/**
 * Custody integrity: the reconciliation that checks, per wallet and in total, that what the wallet
 * files hold is what their journals say entered minus what left, that reserved sats match the
 * offers that hold them (both ways), and that a sample of the proofs the files call spendable is
 * UNSPENT at the mint (NUT-07). Run on a timer and on the operator's demand; results go to metrics,
 * to the {@code reconciliations} table and, when anything is off, to one WARNING line.
 */
package org.openpleb.ee.custody;

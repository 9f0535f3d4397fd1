/**
 * The JSON bodies of the NUT endpoints exactly as the specification names their fields. Records
 * only; the ledger validates their content, Jackson maps them to and from the wire.
 */
package org.openpleb.devmint.wire;

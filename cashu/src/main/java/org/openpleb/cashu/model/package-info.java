/**
 * The Cashu wire model (NUT-00, NUT-12) shared by the crypto, token, mint-client and wallet
 * packages. Plain records that mirror the JSON field names of the specification.
 */
package org.openpleb.cashu.model;

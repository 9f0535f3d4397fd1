/**
 * The Cashu library's root: the exception every part of it throws. The library is plain Java with
 * no Jakarta imports; its parts live in the sub-packages (crypto, token, mint client, wallet core,
 * SQLite store, model).
 */
package org.openpleb.cashu;

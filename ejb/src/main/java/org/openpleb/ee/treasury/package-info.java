/**
 * The platform's treasury: a wallet of the same registry that belongs to no session, where platform
 * fees and forfeited bonds land; the admin sees its balance and withdraws from it.
 */
package org.openpleb.ee.treasury;

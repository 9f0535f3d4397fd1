/** The admin's treasury: the platform wallet's balance and books, and withdrawals from it. */
package org.openpleb.client.treasury;

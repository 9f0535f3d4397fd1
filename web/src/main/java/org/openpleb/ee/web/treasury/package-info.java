/** The admin's treasury API: the platform wallet's balance and withdrawals from it. */
package org.openpleb.ee.web.treasury;

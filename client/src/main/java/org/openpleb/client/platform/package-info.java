/** The platform's public self-description: version, currency, fees, bond, mint, limits, price. */
package org.openpleb.client.platform;

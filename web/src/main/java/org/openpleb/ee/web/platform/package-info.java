/**
 * What the platform tells clients about itself: version, currency, fees and bonds, the mint, and
 * the capacity limits in force, so a client can show costs before a user commits to a trade.
 */
package org.openpleb.ee.web.platform;

/**
 * What the platform tells clients about itself: version, currency, fees and bonds, the mint, and
 * the capacity limits in force, so a client can show costs before a user commits to a trade. Also
 * the application-wide container resources the domain looks up by name ({@link
 * org.openpleb.ee.web.platform.ManagedExecutors}).
 */
package org.openpleb.ee.web.platform;

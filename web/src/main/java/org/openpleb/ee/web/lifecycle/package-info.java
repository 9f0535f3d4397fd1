/**
 * The application's start and stop as the operator sees them: the one line that says where the
 * server is ready, and what the application must give back to the JVM when it stops.
 */
package org.openpleb.ee.web.lifecycle;

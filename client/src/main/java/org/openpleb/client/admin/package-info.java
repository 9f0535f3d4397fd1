/**
 * The operator's API: admin login with the configured user and password, logout, and the capacity
 * report. The dispute desk and the treasury have their own packages.
 */
package org.openpleb.client.admin;

/**
 * Start-up of the runnable server: the launcher that turns the operator's environment into the
 * values Payara Micro's post-boot commands read, then boots Payara Micro. It holds no domain logic;
 * it exists because Payara's variable expansion cannot convert units or pick a driver.
 */
package org.openpleb.launch;

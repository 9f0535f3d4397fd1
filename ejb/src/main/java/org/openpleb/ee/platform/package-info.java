/**
 * The platform underneath every feature: settings that concern the whole deployment (version,
 * currency, mint, database pool), their validation at startup, the Flyway schema migration, the
 * database probe behind readiness, the operator event log, and the stable problem codes that domain
 * exceptions carry to the HTTP error contract.
 */
package org.openpleb.ee.platform;

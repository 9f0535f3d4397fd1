/**
 * MicroProfile Health probes for the operator's orchestrator: liveness (the process answers),
 * readiness (the shared database answers a real query) and startup (the schema is migrated).
 */
package org.openpleb.ee.web.health;

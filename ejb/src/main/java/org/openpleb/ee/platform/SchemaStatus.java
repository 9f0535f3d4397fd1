package org.openpleb.ee.platform;

/**
 * Where the shared database's schema stood once this instance migrated it at startup.
 *
 * @param version the schema version after migrating, e.g. {@code 1}
 * @param migrationsApplied how many migrations this startup applied (0 when already current)
 */
public record SchemaStatus(String version, int migrationsApplied) {}

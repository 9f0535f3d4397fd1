/**
 * Capacity management: the server watches its memory and its live-session count, derives a {@link
 * org.openpleb.ee.capacity.CapacityLevel} with hysteresis, and sheds load as the level rises
 * (shorter sessions at CRITICAL; no new sessions, forced cleanup and readiness DOWN at EMERGENCY).
 *
 * <p>Other features act on the level without this package knowing them: they observe {@link
 * org.openpleb.ee.capacity.CapacityLevelChanged}, ask {@link
 * org.openpleb.ee.capacity.CapacityMonitor} before admitting a login, implement {@link
 * org.openpleb.ee.capacity.CapacityActions} for the relief work and {@link
 * org.openpleb.ee.capacity.LiveSessionCounter} for the session count. The decision logic is the
 * plain class {@link org.openpleb.ee.capacity.CapacityPolicy}; the container parts only read,
 * schedule and publish.
 *
 * <p>Metrics (application scope, names are stable; Prometheus shows them with {@code
 * mp_scope="application"}):
 *
 * <ul>
 *   <li>{@code openpleb_capacity_level} gauge: 0 NORMAL, 1 WARNING, 2 CRITICAL, 3 EMERGENCY;
 *   <li>{@code openpleb_capacity_memory_ratio} gauge: the memory reading the level uses, the larger
 *       of the two signals below;
 *   <li>{@code openpleb_capacity_memory_machine_ratio} gauge: cgroup or {@code /proc/meminfo} used
 *       / limit, 0 when the source gives no machine figure;
 *   <li>{@code openpleb_capacity_memory_heap_ratio} gauge: JVM heap used / max;
 *   <li>{@code openpleb_capacity_level_changes} counter (Prometheus {@code
 *       openpleb_capacity_level_changes_total}): level transitions in either direction.
 * </ul>
 */
package org.openpleb.ee.capacity;

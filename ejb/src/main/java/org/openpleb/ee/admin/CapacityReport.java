package org.openpleb.ee.admin;

import java.time.Duration;
import org.openpleb.ee.capacity.CapacityEstimate;
import org.openpleb.ee.capacity.CapacitySettings;
import org.openpleb.ee.capacity.CapacityStatus;

/**
 * The operator's view of capacity: the monitor's last status, the live-session count right now, the
 * limits in force, and the estimate of what 4, 8 and 16 GB servers (and this one) can carry.
 *
 * @param status the capacity monitor's last check
 * @param liveSessionsNow live sessions counted in the database for this report
 * @param sessionLimit {@code SESSION_LIMIT}
 * @param sessionExpiry {@code SESSION_EXPIRY}
 * @param walletCacheSize {@code WALLET_CACHE_SIZE}
 * @param openWallets wallet handles open on this server now
 * @param settings the capacity thresholds and shortened lifetime
 * @param estimate the capacity table
 */
public record CapacityReport(
    CapacityStatus status,
    long liveSessionsNow,
    int sessionLimit,
    Duration sessionExpiry,
    int walletCacheSize,
    int openWallets,
    CapacitySettings settings,
    CapacityEstimate estimate) {}

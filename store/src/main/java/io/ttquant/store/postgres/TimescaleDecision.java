package io.ttquant.store.postgres;

import io.ttquant.store.StoreConfig.Timescale;
import io.ttquant.store.StoreException;

/**
 * Whether the store uses TimescaleDB, and why: the configured policy (AUTO, ON, OFF) against what
 * the server offers ({@code pg_available_extensions}). ON without the extension refuses to open;
 * AUTO without it (or when enabling it fails) falls back to plain tables with a retention job. The
 * reason is what the store logs once and shows in its description.
 *
 * @param use       hypertables, policies and the continuous aggregate are set up
 * @param version   the extension version used or offered (null when not available)
 * @param reason    one human-readable clause, e.g. "TimescaleDB not available"
 */
record TimescaleDecision(boolean use, String version, String reason) {

    /**
     * Decides from the policy and the server's offer.
     *
     * @param availableVersion the default version of timescaledb in pg_available_extensions, or null when absent
     * @throws StoreException (not retryable) when the policy is ON and the extension is not available
     */
    static TimescaleDecision decide(Timescale policy, String availableVersion) {
        boolean available = availableVersion != null;
        switch (policy) {
            case OFF:
                return new TimescaleDecision(false, availableVersion, available
                        ? "TimescaleDB " + availableVersion + " available but switched off by configuration"
                        : "TimescaleDB off by configuration");
            case ON:
                if (!available) {
                    throw new StoreException("TimescaleDB is required (timescale ON) but the timescaledb extension is "
                            + "not available on this server (not in pg_available_extensions): install it, or set "
                            + "timescale to AUTO or OFF to use plain tables", false, null);
                }
                return new TimescaleDecision(true, availableVersion, "TimescaleDB " + availableVersion + " required");
            case AUTO:
            default:
                return available
                        ? new TimescaleDecision(true, availableVersion, "TimescaleDB " + availableVersion + " available")
                        : new TimescaleDecision(false, null, "TimescaleDB not available");
        }
    }

    /**
     * The decision after trying to enable an available extension failed (not preloaded, no
     * privilege): ON refuses to open, AUTO falls back to plain tables.
     */
    TimescaleDecision enableFailed(Timescale policy, String why) {
        if (policy == Timescale.ON) {
            throw new StoreException("TimescaleDB is required (timescale ON) but could not be enabled: " + why, false,
                    null);
        }
        return new TimescaleDecision(false, version, "TimescaleDB " + version + " available but could not be enabled ("
                + why + ")");
    }
}

package io.ttquant.sim.market;

import java.util.List;

/**
 * The book changes between two drains, as a {@code depthUpdate} event: update ids
 * {@code firstUpdateId} (U) to {@code finalUpdateId} (u), and for every price level that changed,
 * its aggregate quantity after the last change (0 = the level is gone). Bids highest first, asks
 * lowest first. Consecutive diffs of one symbol satisfy U == previous u + 1.
 */
public record DepthDiff(long firstUpdateId, long finalUpdateId, long eventTime,
                        List<DepthLevel> bids, List<DepthLevel> asks) {
}

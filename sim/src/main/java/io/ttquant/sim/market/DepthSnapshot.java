package io.ttquant.sim.market;

import java.util.List;

/**
 * The top of a book as {@code /api/v3/depth} shows it: bids best (highest) first, asks best
 * (lowest) first, and the book's update id after the last change included.
 */
public record DepthSnapshot(long lastUpdateId, List<DepthLevel> bids, List<DepthLevel> asks) {
}

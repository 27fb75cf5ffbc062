package io.ttquant.sim.market;

/** One price level: raw price and aggregate quantity (0 in a diff means the level is gone). */
public record DepthLevel(long price, long qty) {
}

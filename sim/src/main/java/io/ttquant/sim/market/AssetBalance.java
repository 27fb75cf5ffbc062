package io.ttquant.sim.market;

/** A snapshot of one asset's balance at the cash scale (10^-8). */
public record AssetBalance(String asset, long free, long locked) {
}

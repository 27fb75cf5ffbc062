package io.ttquant.core.order;

/** Whether a fill added liquidity (maker) or took it (taker); decides the fee rate. */
public enum LiquiditySide {
    MAKER,
    TAKER
}

package io.ttquant.core.analytics;

import java.util.List;

/**
 * Statistics of the round trips (counts, win rate, profit factor, payoff, expectancy, holding time,
 * extremes and streaks), as defined in {@link PerformanceReport}. It reads trades in list order and
 * must never reorder or modify the caller's list.
 */
final class TradeStatistics {
    final int tradeCount;
    final int winCount;
    final int lossCount;
    final int breakevenCount;
    final double grossProfit;
    final double grossLoss;
    final double winRate;
    final double profitFactor;
    final double averageWin;
    final double averageLoss;
    final double payoffRatio;
    final double expectancy;
    final long averageHoldingNanos;
    final double bestTrade;
    final double worstTrade;
    final int maxConsecutiveWins;
    final int maxConsecutiveLosses;

    private TradeStatistics(
        final int winCount,
        final int lossCount,
        final int breakevenCount,
        final double grossProfit,
        final double grossLoss,
        final long averageHoldingNanos,
        final double bestTrade,
        final double worstTrade,
        final int maxConsecutiveWins,
        final int maxConsecutiveLosses) {
        this.tradeCount = winCount + lossCount + breakevenCount;
        this.winCount = winCount;
        this.lossCount = lossCount;
        this.breakevenCount = breakevenCount;
        this.grossProfit = grossProfit;
        this.grossLoss = grossLoss;
        this.averageHoldingNanos = averageHoldingNanos;
        this.bestTrade = bestTrade;
        this.worstTrade = worstTrade;
        this.maxConsecutiveWins = maxConsecutiveWins;
        this.maxConsecutiveLosses = maxConsecutiveLosses;

        this.winRate = tradeCount > 0 ? (double) winCount / tradeCount : Double.NaN;
        this.expectancy = tradeCount > 0 ? (grossProfit + grossLoss) / tradeCount : Double.NaN;
        this.profitFactor = Ratio.of(grossProfit, -grossLoss);
        this.averageWin = winCount > 0 ? grossProfit / winCount : Double.NaN;
        this.averageLoss = lossCount > 0 ? grossLoss / lossCount : Double.NaN;
        this.payoffRatio = Ratio.of(
            winCount > 0 ? averageWin : 0.0,
            lossCount > 0 ? -averageLoss : 0.0);
    }

    static TradeStatistics compute(final List<RoundTrip> trips) {
        int wins = 0;
        int losses = 0;
        int breakevens = 0;
        double grossProfit = 0.0;
        double grossLoss = 0.0;
        double holdingNanosSum = 0.0;
        double best = Double.NaN;
        double worst = Double.NaN;
        int winStreak = 0;
        int lossStreak = 0;
        int maxWinStreak = 0;
        int maxLossStreak = 0;

        for (final RoundTrip trip : trips) {
            final double pnl = trip.pnl();
            // Summed as a double: a long sum of nanosecond holding times can overflow over many trades.
            holdingNanosSum += trip.holdingNanos();
            best = Double.isNaN(best) ? pnl : Math.max(best, pnl);
            worst = Double.isNaN(worst) ? pnl : Math.min(worst, pnl);

            if (pnl > 0.0) {
                wins++;
                grossProfit += pnl;
                winStreak++;
                lossStreak = 0;
                maxWinStreak = Math.max(maxWinStreak, winStreak);
            } else if (pnl < 0.0) {
                losses++;
                grossLoss += pnl;
                lossStreak++;
                winStreak = 0;
                maxLossStreak = Math.max(maxLossStreak, lossStreak);
            } else {
                breakevens++;
                winStreak = 0;
                lossStreak = 0;
            }
        }

        final int count = wins + losses + breakevens;
        final long averageHolding = count > 0 ? Math.round(holdingNanosSum / count) : 0L;
        return new TradeStatistics(
            wins, losses, breakevens, grossProfit, grossLoss, averageHolding, best, worst, maxWinStreak, maxLossStreak);
    }
}

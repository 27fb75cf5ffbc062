package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.STRATEGY;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.journal.FillRecord;
import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalReader;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.JournalVisitor;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.gateway.journal.RecoveredRiskDay;
import io.ttquant.app.gateway.journal.RiskDayRecord;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskEngine;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.core.risk.TradingState;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strategy stopped by today's losses stays stopped across restarts of the gateway the same UTC
 * day, and trades again the next day: gateway A (paper venue, journal) loses beyond alpha's
 * reduce-only loss, so alpha is REDUCE_ONLY, and crashes; gateway B, built an hour later on the same
 * journal, still refuses alpha's increasing orders (STRATEGY_REDUCE_ONLY), its daily PnL continues
 * to the unit at the same price, and a second breach halts it; gateway C, later the same day, is
 * still HALTED; gateway D, the next UTC day, is ACTIVE. A fill made just after midnight counts for
 * the new day, across a restart too.
 */
class GatewayRiskDayRestartTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3_600 * SECOND;
    /** T0 (22:13:20 UTC) is this many ns before the next UTC midnight. */
    private static final long NEXT_MIDNIGHT = (Math.floorDiv(T0, 86_400 * SECOND) + 1) * 86_400 * SECOND;

    @TempDir
    Path dir;

    /** alpha is REDUCE_ONLY at a daily loss of 100, HALTED at 1000 or a second breach. */
    private static RiskLimits limits() {
        return RiskLimits.builder()
                .instrument(InstrumentLimits.of(INS).maxOrderQty(INS.qty("10")).maxPosition(INS.qty("5")).collarPpm(100_000).build())
                .strategy(StrategyLimits.named(STRATEGY).maxOrderNotional(100_000_00000000L).maxOpenOrders(50)
                        .dailyLoss(cash("100"), cash("1000")).build())
                .strategy(StrategyLimits.named("beta").build())
                .duplicateGuard(0, 16)
                .build();
    }

    private static long cash(String text) {
        return Fixed.parse(text, Fixed.CASH_SCALE);
    }

    /** A gateway on the journal in {@code dir}, restored from it, as the service wires it. */
    private static final class Run {
        final GatewayFixture f;
        final JournalRecovery recovery;
        final String summary;

        Run(Path dir, long startNanos) {
            f = new GatewayFixture(limits(), GatewayFixture.touchPaper(), OrderGateway.DEFAULT_IDEMPOTENCY_WINDOW, startNanos);
            recovery = OrderJournal.open(JournalConfig.builder(dir).compaction(JournalConfig.Compaction.INLINE).build());
            assertThat(recovery.ok()).as("%s", recovery.error()).isTrue();
            f.gateway.attachLog(new JournalEventLog(recovery.journal(), f.gateway.venue().name()));
            summary = GatewayRecovery.restore(f.gateway, recovery, startNanos);
            assertThat(f.gateway.isReady()).as(f.gateway.notReadyReason()).isTrue();
        }

        RiskEngine risk() {
            return f.gateway.risk();
        }

        /** Closes the journal without a SHUTDOWN record: what a crash after the last sync leaves. */
        void crash() {
            recovery.journal().close();
        }

        /** Sends the order; null when it was routed, else the reason it was refused. */
        RejectReason refusal(NewOrder order) {
            if (f.send(order) != CommandOutcome.REJECTED) {
                return null;
            }
            int code = f.lastReport().getRejectCode();
            for (RejectReason r : RejectReason.values()) {
                if (r.code() == code) {
                    return r;
                }
            }
            throw new AssertionError("no reject reason with code " + code);
        }
    }

    private static NewOrder limitSell(String clientOrderId, String price, String qty) {
        return limitBuy(clientOrderId, price, qty).setSide(Side.SIDE_SELL).build();
    }

    @Test
    void shouldKeepTodaysLossStateAcrossRestartsTheSameDayAndStartAfreshTheNextDay() {
        Run a = new Run(dir, T0);
        a.f.trade("100.00", "1");
        assertThat(a.f.send(limitBuy("b1", "100.00", "2").build())).isEqualTo(CommandOutcome.ROUTED);
        a.f.trade("99.95", "5"); // fills b1: long 2 at 100
        a.f.trade("50.00", "1"); // marked at 50: about -100 today
        assertThat(a.risk().state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(a.refusal(limitBuy("b2", "50.00", "0.5").build())).isEqualTo(RejectReason.STRATEGY_REDUCE_ONLY);
        assertThat(a.refusal(limitSell("s1", "50.00", "1"))).isNull();
        a.f.trade("50.05", "5"); // fills s1: 1 sold at 50, a realised loss of 50 and fees
        assertThat(a.f.gateway.position(STRATEGY, INS.symbol()).netQty()).isEqualTo(INS.qty("1"));
        long realizedBefore = a.risk().dayRealized(0);
        long pnlBefore = a.risk().dailyPnl(0);
        assertThat(realizedBefore).isEqualTo(cash("-50") - cash("0.2") - cash("0.05"));
        assertThat(pnlBefore).isEqualTo(realizedBefore + cash("-49.95"));
        a.crash();

        Run b = new Run(dir, a.f.now + HOUR);

        RecoveredRiskDay journaled = b.recovery.state().riskDay(STRATEGY);
        assertThat(journaled.lossState()).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(journaled.dayRealized()).as("the fill after the last RISK_DAY is in it").isEqualTo(realizedBefore);
        assertThat(b.summary).contains("today's loss state continues: alpha REDUCE_ONLY");
        assertThat(b.risk().state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(b.risk().dayRealized(0)).isEqualTo(realizedBefore);
        assertThat(b.risk().state(1)).isEqualTo(TradingState.ACTIVE);
        b.f.trade("50.05", "1");
        assertThat(b.risk().dailyPnl(0)).as("the same day at the same price: the same daily PnL").isEqualTo(pnlBefore);
        assertThat(b.refusal(limitBuy("b3", "50.05", "0.5").build())).isEqualTo(RejectReason.STRATEGY_REDUCE_ONLY);
        GatewayStatus status = GatewayStatus.of(b.f.gateway, List.of(STRATEGY, "beta"), List.of(INS), "test journal");
        assertThat(status.strategy(STRATEGY).state()).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(status.strategy(STRATEGY).dailyPnl()).isEqualTo(Fixed.formatCompact(pnlBefore, Fixed.CASH_SCALE));
        // Recovery above the limit, then a second breach: HALTED.
        b.f.trade("100.00", "1");
        assertThat(b.risk().state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        b.f.trade("49.00", "1");
        assertThat(b.risk().state(0)).isEqualTo(TradingState.HALTED);
        b.crash();

        Run c = new Run(dir, b.f.now + 60 * SECOND);

        assertThat(c.risk().state(0)).isEqualTo(TradingState.HALTED);
        c.f.trade("49.00", "1");
        assertThat(c.refusal(limitSell("s2", "49.00", "0.5"))).isEqualTo(RejectReason.STRATEGY_HALTED);
        assertThat(c.refusal(limitBuy("beta-is-fine", "49.00", "0.5").setStrategy("beta").build())).isNull();
        c.crash();

        Run d = new Run(dir, NEXT_MIDNIGHT + HOUR);

        assertThat(d.recovery.state().riskDay(STRATEGY).lossState()).isEqualTo(TradingState.HALTED);
        assertThat(d.risk().state(0)).as("a new UTC day").isEqualTo(TradingState.ACTIVE);
        assertThat(d.risk().dayRealized(0)).isZero();
        assertThat(d.summary).doesNotContain("today's loss state continues");
        d.f.trade("49.00", "1");
        assertThat(d.refusal(limitBuy("b4", "49.00", "0.5").build())).isNull();
        d.crash();

        Run e = new Run(dir, d.f.now + SECOND);
        assertThat(e.recovery.state().riskDay(STRATEGY).epochDay()).as("the new day's chain")
                .isEqualTo(Math.floorDiv(NEXT_MIDNIGHT, 86_400 * SECOND));
        assertThat(e.risk().state(0)).isEqualTo(TradingState.ACTIVE);
        e.crash();
    }

    @Test
    void shouldCountAFillJustAfterMidnightForTheNewDayAcrossARestart() throws Exception {
        Run a = new Run(dir, NEXT_MIDNIGHT - 10 * SECOND);
        a.f.trade("100.00", "1");
        a.f.send(limitBuy("b1", "100.00", "2").build());
        a.f.trade("99.95", "5"); // long 2 at 100
        a.f.trade("94.00", "1"); // 12 below the entry at midnight
        assertThat(a.refusal(limitSell("s1", "95.00", "2"))).isNull(); // rests above the market
        a.f.now = NEXT_MIDNIGHT + SECOND - 1_000_000;
        a.f.trade("95.05", "5"); // the first event of the new day fills s1
        long newDay = Math.floorDiv(NEXT_MIDNIGHT, 86_400 * SECOND);
        assertThat(a.risk().epochDay()).isEqualTo(newDay);
        assertThat(a.risk().dayRealized(0)).as("the realised loss belongs to the new day").isEqualTo(cash("-10") - cash("0.19"));
        assertThat(a.risk().dayStartUnrealized(0)).isEqualTo(cash("-12"));
        long pnl = a.risk().dailyPnl(0);
        assertThat(pnl).isEqualTo(cash("1.81"));
        a.crash();

        List<String> order = new ArrayList<>();
        JournalReader.replay(dir, new JournalVisitor() {
            @Override
            public void onRiskDay(RiskDayRecord r) {
                if (r.strategy.equals(STRATEGY)) {
                    order.add("RISK_DAY " + r.epochDay);
                }
            }

            @Override
            public void onFill(FillRecord r) {
                order.add("FILL " + Math.floorDiv(r.timeNanos, 86_400 * SECOND));
            }
        });
        assertThat(order).as("the new day's start is journaled before its first fill")
                .containsExactly("RISK_DAY " + (newDay - 1), "FILL " + (newDay - 1), "RISK_DAY " + newDay, "FILL " + newDay);

        Run b = new Run(dir, a.f.now + 10 * SECOND);

        assertThat(b.recovery.state().riskDay(STRATEGY).dayRealized()).isEqualTo(cash("-10.19"));
        assertThat(b.risk().dayRealized(0)).isEqualTo(cash("-10.19"));
        assertThat(b.risk().dailyPnl(0)).isEqualTo(pnl);
        b.crash();
    }
}

package io.ttquant.app.gateway.journal;

import static io.ttquant.app.gateway.journal.JournalFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Positions rebuilt from the journal against two oracles: an independent BigDecimal fold of the
 * same fills (average cost, pro-rata basis removal rounded half-up at the cash scale) and the
 * gateway's own core {@link Portfolio}. Instruments include ADABTC, whose notionals round.
 */
class RecoveredPositionExactnessTest {
    private static final String[] STRATEGIES = {"alpha", "beta", "gamma"};
    private static final Instrument[] INSTRUMENTS = {
        Instruments.binanceSpot("BTCUSDT"), Instruments.binanceSpot("ETHUSDT"), Instruments.binanceSpot("ADABTC")};

    @TempDir
    Path dir;

    /** An independent fold of fills into an average-cost position, in BigDecimal. */
    static final class DecimalFold {
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal basis = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal sells = BigDecimal.ZERO;
        BigDecimal buys = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;

        void apply(Side side, BigDecimal qty, BigDecimal price, BigDecimal fee) {
            BigDecimal notional = price.multiply(qty).setScale(Fixed.CASH_SCALE, RoundingMode.HALF_UP);
            fees = fees.add(fee);
            if (side == Side.BUY) {
                buys = buys.add(notional);
            } else {
                sells = sells.add(notional);
            }
            BigDecimal signed = side == Side.BUY ? qty : qty.negate();
            if (net.signum() == 0 || net.signum() == signed.signum()) {
                net = net.add(signed);
                basis = basis.add(side == Side.BUY ? notional : notional.negate());
                return;
            }
            BigDecimal open = net.abs();
            BigDecimal close = qty.min(open);
            BigDecimal closeNotional = close.compareTo(qty) == 0 ? notional
                    : notional.multiply(close).divide(qty, Fixed.CASH_SCALE, RoundingMode.HALF_UP);
            BigDecimal removed = close.compareTo(open) == 0 ? basis
                    : basis.multiply(close).divide(open, Fixed.CASH_SCALE, RoundingMode.HALF_UP);
            realized = realized.add((side == Side.SELL ? closeNotional : closeNotional.negate()).subtract(removed));
            basis = basis.subtract(removed);
            net = net.add(side == Side.BUY ? close : close.negate());
            BigDecimal rest = qty.subtract(close);
            if (rest.signum() > 0) {
                BigDecimal restNotional = notional.subtract(closeNotional);
                net = side == Side.BUY ? rest : rest.negate();
                basis = side == Side.BUY ? restNotional : restNotional.negate();
            }
        }
    }

    @ParameterizedTest(name = "segments of {0} bytes")
    @ValueSource(longs = {64L * 1024 * 1024, 256 * 1024})
    void shouldRebuildPositionsExactlyAsAFoldOfTheFills(long segmentBytes) {
        // Orders leave the 1 ms window quickly (a fill every µs), so snapshots stay small; positions are always kept.
        JournalConfig config = JournalFixture.config(dir).segmentBytes(segmentBytes).idempotencyWindowNanos(1_000_000).build();
        OrderJournal j = JournalFixture.open(config);
        Random random = new Random(20240611);
        Map<String, DecimalFold> byStrategy = new HashMap<>();
        Map<String, DecimalFold> byAccount = new HashMap<>();
        Map<String, Portfolio> portfolios = new HashMap<>();
        for (String s : STRATEGIES) {
            portfolios.put(s, new Portfolio("USDT", 0));
        }
        long t = T0;
        long tradeId = 1;
        for (long id = 1; id <= 10_000; id++) {
            String strategy = STRATEGIES[random.nextInt(STRATEGIES.length)];
            Instrument ins = INSTRUMENTS[random.nextInt(INSTRUMENTS.length)];
            Side side = random.nextInt(100) < 50 ? Side.BUY : Side.SELL;
            long qty = ins.stepSize() * (1 + random.nextInt(random.nextBoolean() ? 50 : 50_000));
            long tick = ins.tickSize() * (1 + random.nextInt(2_000_000));
            Order o = JournalFixture.order(id, strategy, "c" + id, ins, side, qty, tick, t);
            j.appendSubmitted(t, o, "binance");
            o.accept(t);
            long left = qty;
            while (left > 0) {
                t += 1_000;
                long part = left <= ins.stepSize() || random.nextInt(3) == 0 ? left
                        : ins.stepSize() * (1 + random.nextInt((int) Math.min(left / ins.stepSize(), 1_000_000)));
                part = Math.min(part, left);
                long price = Math.max(ins.tickSize(), o.price() + ins.tickSize() * (random.nextInt(201) - 100));
                long fee = random.nextInt(1_000_000);
                o.fill(part, price, fee, t);
                Fill f = new Fill(id, o.clientOrderId(), strategy, ins, side, tradeId++, price, part, fee, ins.quoteAsset(),
                        LiquiditySide.MAKER, t);
                j.appendFill(t, f);
                portfolios.get(strategy).applyFill(o, f);
                BigDecimal q = Fixed.toBigDecimal(part, ins.qtyScale());
                BigDecimal p = Fixed.toBigDecimal(price, ins.priceScale());
                BigDecimal fe = Fixed.toBigDecimal(fee, Fixed.CASH_SCALE);
                byStrategy.computeIfAbsent(strategy + "/" + ins.symbol(), k -> new DecimalFold()).apply(side, q, p, fe);
                byAccount.computeIfAbsent(ins.symbol(), k -> new DecimalFold()).apply(side, q, p, fe);
                left -= part;
            }
            j.appendState(t, o, id);
        }
        long compactedUpTo = j.compactedUpTo();
        j.close();

        JournalRecovery r = OrderJournal.open(config);
        assertThat(r.ok()).as("%s", r.error()).isTrue();
        RecoveredState s = r.state();
        r.journal().close();

        assertThat(s.positions()).hasSize(byStrategy.size());
        for (String strategy : STRATEGIES) {
            for (Instrument ins : INSTRUMENTS) {
                DecimalFold fold = byStrategy.get(strategy + "/" + ins.symbol());
                RecoveredPosition rp = s.position(strategy, "binance", ins.symbol());
                assertExact(rp, fold, ins);
                Position core = portfolios.get(strategy).position(ins);
                assertThat(rp.netQty()).isEqualTo(core.netQty());
                assertThat(rp.costBasis()).as("cost basis as the gateway's portfolio").isEqualTo(core.costBasis());
                assertThat(rp.realizedPnl()).as("realized as the gateway's portfolio").isEqualTo(core.realizedPnl());
            }
        }
        for (Instrument ins : INSTRUMENTS) {
            RecoveredPosition account = s.accountPosition("binance", ins.symbol());
            assertExact(account, byAccount.get(ins.symbol()), ins);
            long sum = 0;
            for (String strategy : STRATEGIES) {
                sum += s.position(strategy, "binance", ins.symbol()).netQty();
            }
            assertThat(account.netQty()).as("account = sum of its strategies").isEqualTo(sum);
        }
        if (segmentBytes < 1024 * 1024) {
            assertThat(compactedUpTo).as("the replay started from a snapshot").isPositive();
        }
    }

    private static void assertExact(RecoveredPosition rp, DecimalFold fold, Instrument ins) {
        assertThat(Fixed.toBigDecimal(rp.netQty(), ins.qtyScale())).isEqualByComparingTo(fold.net);
        assertThat(Fixed.toBigDecimal(rp.costBasis(), Fixed.CASH_SCALE)).isEqualByComparingTo(fold.basis);
        assertThat(Fixed.toBigDecimal(rp.realizedPnl(), Fixed.CASH_SCALE)).isEqualByComparingTo(fold.realized);
        assertThat(Fixed.toBigDecimal(rp.fees(ins.quoteAsset()), Fixed.CASH_SCALE)).isEqualByComparingTo(fold.fees);
        // Nothing created or lost: cash in minus cash out equals realized PnL minus what is still held at cost.
        BigDecimal realizedMinusBasis = Fixed.toBigDecimal(rp.realizedPnl() - rp.costBasis(), Fixed.CASH_SCALE);
        assertThat(fold.sells.subtract(fold.buys)).isEqualByComparingTo(realizedMinusBasis);
    }
}

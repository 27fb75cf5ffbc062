package io.ttquant.app.gateway.binance;

import io.ttquant.app.ServiceStartException;
import io.ttquant.binance.rest.BinanceRestException;
import io.ttquant.binance.rest.MarketRestClient;
import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.binance.rest.RestFailure;
import io.ttquant.binance.trading.AccountBalances;
import io.ttquant.binance.trading.TradingFailure;
import io.ttquant.binance.trading.TradingRestClient;
import io.ttquant.binance.trading.TradingRestConfig;
import io.ttquant.binance.trading.TradingResult;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the gateway asks Binance once, before it starts with the {@code binance} venue: the
 * symbols' rules ({@code GET /api/v3/exchangeInfo}: tick and step sizes, minimum notional), and
 * whether the API key works and the account may trade (a signed {@code GET /api/v3/account}).
 * Either failing ends the start with one line (a {@link ServiceStartException}: exit 1) saying
 * what and why: Binance not reachable, a symbol it does not list, the key or signature refused.
 *
 * <p>Blocks the calling thread (start-up only); never logs or reports the secret.
 */
public final class BinanceVenueStartup {
    private static final System.Logger LOG = System.getLogger(BinanceVenueStartup.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Binance's answers to a request whose key, signature or permissions it refuses. */
    private static final Set<Integer> KEY_REFUSED = Set.of(-2014, -2015, -1022, -2008, -1002);

    private BinanceVenueStartup() {
    }

    /**
     * The rules of {@code symbols} as Binance holds them, at Binance's own scales, after checking
     * that the API key is accepted and the account may trade.
     *
     * @throws ServiceStartException one line naming what failed
     */
    public static List<Instrument> instrumentRules(BinanceSettings settings, List<String> symbols, Clock clock) {
        String where = settings.endpoints().restBaseUrl();
        RestClientConfig rest = RestClientConfig.builder(settings.endpoints(), clock).connectTimeout(TIMEOUT).requestTimeout(TIMEOUT)
                .build();
        List<Instrument> rules;
        try {
            rules = await(new MarketRestClient(rest, Runnable::run).exchangeInfo(symbols));
        } catch (ExecutionException e) {
            RestFailure f = BinanceRestException.failureOf(e);
            throw new ServiceStartException("binance venue: cannot read the rules of " + symbols + " from " + where
                    + "/api/v3/exchangeInfo: " + (f != null ? f : e.getCause()), e);
        }
        for (String s : symbols) {
            if (rules.stream().noneMatch(i -> i.symbol().equals(s))) {
                throw new ServiceStartException("binance venue: " + where + " does not list " + s + " in exchangeInfo", null);
            }
        }
        TradingRestClient trading = new TradingRestClient(TradingRestConfig.builder(rest, settings.credentials())
                .recvWindowMillis(settings.recvWindowMillis()).build(), Runnable::run);
        TradingResult<AccountBalances> account;
        try {
            account = await(trading.account());
        } catch (ExecutionException e) {
            throw new ServiceStartException("binance venue: cannot read the account at " + where + ": " + e.getCause(), e);
        }
        if (!account.isOk()) {
            TradingFailure f = account.failure();
            boolean keyRefused = f.outcome() == TradingFailure.Outcome.REJECTED && KEY_REFUSED.contains(f.code());
            throw new ServiceStartException("binance venue: " + (keyRefused ? "the API key (from " + settings.credentialsSource()
                    + ") was refused by " + where + ": " : "cannot read the account at " + where + ": ") + f, null);
        }
        if (!account.value().canTrade()) {
            throw new ServiceStartException("binance venue: the account of the API key (from " + settings.credentialsSource()
                    + ") may not trade (canTrade false at " + where + ")", null);
        }
        LOG.log(System.Logger.Level.INFO, "binance venue: " + where + " answers; rules of " + symbols + " read; the API key from "
                + settings.credentialsSource() + " is accepted and the account may trade");
        return rules;
    }

    private static <T> T await(Future<T> f) throws ExecutionException {
        try {
            return f.get(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ExecutionException("no answer within " + TIMEOUT.toSeconds() * 2 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted", e);
        }
    }
}

package io.ttquant.app.gateway.binance;

import io.ttquant.app.gateway.GatewayVenue;
import io.ttquant.app.gateway.VenueFactory;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.Clock;
import io.ttquant.core.venue.ExecutionListener;
import java.util.List;

/**
 * Builds and starts the {@link BinanceVenue} for an {@code OrderGateway}: syncs the server time,
 * reads the rate limits and opens the user data stream in the background, so orders can be sent at
 * once (the first one waits for the time sync inside the trading client). The gateway's clock is
 * not used for requests (it moves only on the gateway's thread): the configuration's clock stamps
 * them, and the gateway's {@code nowNanos} drives the venue's schedules.
 */
public final class BinanceVenueFactory implements VenueFactory {
    private final BinanceVenueConfig config;

    public BinanceVenueFactory(BinanceVenueConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("a binance venue config is required");
        }
        this.config = config;
    }

    @Override
    public GatewayVenue create(Clock gatewayClock, ExecutionListener gateway, List<Instrument> instruments) {
        BinanceVenue venue = new BinanceVenue(config, gateway, instruments);
        venue.start();
        return venue;
    }

    public BinanceVenueConfig config() {
        return config;
    }
}

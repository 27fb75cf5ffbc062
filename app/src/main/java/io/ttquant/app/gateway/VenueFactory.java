package io.ttquant.app.gateway;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.Clock;
import io.ttquant.core.venue.ExecutionListener;
import java.util.List;

/**
 * Builds the {@link GatewayVenue} an {@link OrderGateway} routes to, once the gateway exists: the
 * venue needs the gateway's clock (never the wall clock) and the gateway as the listener of its
 * reports. Called once, from the gateway's constructor.
 */
@FunctionalInterface
public interface VenueFactory {
    GatewayVenue create(Clock gatewayClock, ExecutionListener gateway, List<Instrument> instruments);
}

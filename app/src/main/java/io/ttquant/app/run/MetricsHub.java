package io.ttquant.app.run;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.ttquant.app.metrics.MetricsEndpoint;
import java.util.function.Predicate;

/**
 * The one Prometheus registry of {@code ttquant run}: the gateway's, the strategy engine's and the
 * journal export's metrics register into it directly, and a component that keeps a registry of its
 * own (the market data service, with its recorder's {@code ttquant_store_*} series) is plugged in
 * whole, scraped with it. One {@link MetricsEndpoint} serves it all. The components' metric names
 * have their own prefixes ({@code ttquant_marketdata_}, {@code ttquant_gateway_},
 * {@code ttquant_strategy_}, {@code ttquant_store_}), so nothing clashes; it must never rename or
 * filter what the components register.
 */
final class MetricsHub {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    /** The registry components register into. */
    PrometheusRegistry registry() {
        return registry;
    }

    /** Serves every metric of {@code component} with the rest, scraped when the endpoint is scraped. */
    void include(PrometheusRegistry component) {
        registry.register(new MultiCollector() {
            @Override
            public MetricSnapshots collect() {
                return component.scrape();
            }

            @Override
            public MetricSnapshots collect(Predicate<String> includedNames) {
                return component.scrape(includedNames);
            }
        });
    }
}

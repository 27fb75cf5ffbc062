package io.ttquant.core.strategy;

import java.util.List;
import java.util.function.Function;

/**
 * Creates a named strategy from parameters. {@link #create} validates the parameters and refuses
 * unknown names or impossible values with an {@link IllegalArgumentException} whose message is one
 * line fit for a user.
 */
public interface StrategyFactory {
    /** The name used on the command line and in configuration, e.g. {@code ema-cross}. */
    String name();

    /** One line saying what the strategy does. */
    String description();

    /** The parameters it accepts. */
    List<ParamSpec> params();

    Strategy create(StrategyParams params);

    /** Throws when {@code params} names a parameter this strategy does not accept. */
    default void checkNames(StrategyParams params) {
        for (String name : params.names()) {
            boolean known = false;
            for (ParamSpec p : params()) {
                known |= p.name().equals(name);
            }
            if (!known) {
                StringBuilder valid = new StringBuilder();
                for (ParamSpec p : params()) {
                    valid.append(valid.length() == 0 ? "" : ", ").append(p.name());
                }
                throw new IllegalArgumentException("unknown parameter '" + name + "' for strategy " + name() + "; valid: " + valid);
            }
        }
    }

    /** A factory from its parts. */
    static StrategyFactory of(String name, String description, List<ParamSpec> params, Function<StrategyParams, Strategy> create) {
        List<ParamSpec> specs = List.copyOf(params);
        return new StrategyFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public List<ParamSpec> params() {
                return specs;
            }

            @Override
            public Strategy create(StrategyParams p) {
                return create.apply(p);
            }
        };
    }

    /** A parameter: name, default value text and meaning. */
    record ParamSpec(String name, String defaultValue, String description) {
    }
}

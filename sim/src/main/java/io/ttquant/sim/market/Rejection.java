package io.ttquant.sim.market;

/**
 * Why the exchange refused a request: the Binance error and the exact message to send. The
 * transport turns it into {@code {"code":..,"msg":..}} with {@link #httpStatus()}.
 *
 * <p>Immutable value; never thrown.
 */
public record Rejection(ApiError error, String message) {
    public Rejection {
        if (error == null || message == null) {
            throw new IllegalArgumentException("error and message are required");
        }
    }

    public int code() {
        return error.code();
    }

    public int httpStatus() {
        return error.httpStatus();
    }

    /** "Filter failure: NAME" (-1013). */
    public static Rejection filter(String filterName) {
        return ApiError.FILTER_FAILURE.reject(filterName);
    }

    /** -1102 for a missing or malformed mandatory parameter. */
    public static Rejection mandatory(String param) {
        return ApiError.MANDATORY_PARAM_EMPTY_OR_MALFORMED.reject(param);
    }

    /** -1102 for "either of two" parameters missing. */
    public static Rejection eitherMandatory(String first, String second) {
        return ApiError.MANDATORY_PARAM_EMPTY_OR_MALFORMED.withMessage(
                "Param '" + first + "' or '" + second + "' must be sent, but both were empty/null!");
    }

    @Override
    public String toString() {
        return error.code() + " " + message;
    }
}

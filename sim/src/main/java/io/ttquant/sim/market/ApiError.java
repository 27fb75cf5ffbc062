package io.ttquant.sim.market;

/**
 * Binance spot API error codes with the HTTP status Binance answers them with and Binance's own
 * message texts (from Binance's published {@code errors.md}). Codes whose message has variants
 * carry a generic text ({@link #message()}) and a template with {@code %s} placeholders
 * ({@link #format(Object...)}).
 *
 * <p>The -2010/-2011 family has many engine messages; the common ones are constants here
 * ({@link #MSG_INSUFFICIENT_BALANCE} and the rest) and travel in a {@link Rejection}.
 *
 * <p>Immutable. Never used as an exception: a rejection is a value.
 */
public enum ApiError {
    UNKNOWN(-1000, 500, "An unknown error occurred while processing the request.", null),
    DISCONNECTED(-1001, 500, "Internal error; unable to process your request. Please try again.", null),
    UNAUTHORIZED(-1002, 401, "You are not authorized to execute this request.", null),
    TOO_MANY_REQUESTS(-1003, 429, "Too many requests queued.",
            "Too much request weight used; current limit is %s request weight per %s. Please use WebSocket Streams for live updates to avoid polling the API."),
    SERVER_BUSY(-1008, 503, "Server is currently overloaded with other requests. Please try again in a few minutes.", null),
    /** -1013 INVALID_MESSAGE; in practice "Filter failure: NAME" or an engine message. */
    FILTER_FAILURE(-1013, 400, "The request is rejected by the API. (i.e. The request didn't reach the Matching Engine.)",
            "Filter failure: %s"),
    TOO_MANY_ORDERS(-1015, 429, "Too many new orders.", "Too many new orders; current limit is %s orders per %s."),
    UNSUPPORTED_OPERATION(-1020, 400, "This operation is not supported.", null),
    INVALID_TIMESTAMP(-1021, 400, "Timestamp for this request is outside of the recvWindow.",
            "Timestamp for this request was 1000ms ahead of the server's time."),
    INVALID_SIGNATURE(-1022, 400, "Signature for this request is not valid.", null),
    ILLEGAL_CHARS(-1100, 400, "Illegal characters found in a parameter.",
            "Illegal characters found in parameter '%s'; legal range is '%s'."),
    TOO_MANY_PARAMETERS(-1101, 400, "Too many parameters sent for this endpoint.",
            "Too many parameters; expected '%s' and received '%s'."),
    MANDATORY_PARAM_EMPTY_OR_MALFORMED(-1102, 400, "A mandatory parameter was not sent, was empty/null, or malformed.",
            "Mandatory parameter '%s' was not sent, was empty/null, or malformed."),
    UNKNOWN_PARAM(-1103, 400, "An unknown parameter was sent.", null),
    UNREAD_PARAMETERS(-1104, 400, "Not all sent parameters were read.",
            "Not all sent parameters were read; read '%s' parameter(s) but was sent '%s'."),
    PARAM_EMPTY(-1105, 400, "A parameter was empty.", "Parameter '%s' was empty."),
    PARAM_NOT_REQUIRED(-1106, 400, "A parameter was sent when not required.", "Parameter '%s' sent when not required."),
    PARAM_OVERFLOW(-1108, 400, "Parameter overflowed.", "Parameter '%s' overflowed."),
    BAD_PRECISION(-1111, 400, "Precision is over the maximum defined for this asset.", "Parameter '%s' has too much precision."),
    NO_DEPTH(-1112, 400, "No orders on book for symbol.", null),
    TIF_NOT_REQUIRED(-1114, 400, "TimeInForce parameter sent when not required.", null),
    INVALID_TIF(-1115, 400, "Invalid timeInForce.", null),
    INVALID_ORDER_TYPE(-1116, 400, "Invalid orderType.", null),
    INVALID_SIDE(-1117, 400, "Invalid side.", null),
    EMPTY_NEW_CL_ORD_ID(-1118, 400, "New client order ID was empty.", null),
    EMPTY_ORG_CL_ORD_ID(-1119, 400, "Original client order ID was empty.", null),
    BAD_INTERVAL(-1120, 400, "Invalid interval.", null),
    BAD_SYMBOL(-1121, 400, "Invalid symbol.", null),
    INVALID_LISTEN_KEY(-1125, 400, "This listenKey does not exist.", null),
    MORE_THAN_XX_HOURS(-1127, 400, "Lookup interval is too big.", "More than %s hours between startTime and endTime."),
    OPTIONAL_PARAMS_BAD_COMBO(-1128, 400, "Combination of optional parameters invalid.", null),
    INVALID_PARAMETER(-1130, 400, "Invalid data sent for a parameter.", "Data sent for parameter '%s' is not valid."),
    NEW_ORDER_REJECTED(-2010, 400, "NEW_ORDER_REJECTED", null),
    CANCEL_REJECTED(-2011, 400, "Unknown order sent.", null),
    NO_SUCH_ORDER(-2013, 400, "Order does not exist.", null),
    BAD_API_KEY_FMT(-2014, 401, "API-key format invalid.", null),
    REJECTED_MBX_KEY(-2015, 401, "Invalid API-key, IP, or permissions for action.", null);

    /** -2010: the account cannot pay for the order. */
    public static final String MSG_INSUFFICIENT_BALANCE = "Account has insufficient balance for requested action.";
    /** -2010: a LIMIT_MAKER order would take liquidity. */
    public static final String MSG_WOULD_TAKE = "Order would immediately match and take.";
    /** -2010: the client order id is in use by an open order. */
    public static final String MSG_DUPLICATE_ORDER = "Duplicate order sent.";
    /** -2010: a stop order's stop price is already reached by the last trade price. */
    public static final String MSG_WOULD_TRIGGER = "Order would trigger immediately.";
    /** -2010 / -2011: trading is disabled on the account. */
    public static final String MSG_TRADING_DISABLED = "This account may not place or cancel orders.";
    /** -2011: the order to cancel is unknown or no longer open. */
    public static final String MSG_UNKNOWN_ORDER = "Unknown order sent.";
    /** -2010: a quote-quantity market order meets an empty book side. */
    public static final String MSG_NO_LIQUIDITY = "Order book liquidity is less than symbol minimum quantity.";
    /** -1013: an STP mode the symbol does not allow. */
    public static final String MSG_STP_NOT_ALLOWED = "This symbol does not allow the specified self-trade prevention mode.";
    /** Legal range Binance quotes for decimal parameters in -1100. */
    public static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    /** Legal range Binance quotes for client order ids in -1100. */
    public static final String CLIENT_ID_RANGE = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";

    private final int code;
    private final int httpStatus;
    private final String message;
    private final String template;

    ApiError(int code, int httpStatus, String message, String template) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
        this.template = template;
    }

    /** Binance's numeric code (negative). */
    public int code() {
        return code;
    }

    /** The HTTP status Binance answers this code with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The generic message, without placeholders. */
    public String message() {
        return message;
    }

    /** The message with {@code %s} placeholders, or the generic message when the code has none. */
    public String template() {
        return template == null ? message : template;
    }

    /** The templated message filled with {@code args}; the generic message when no args are given. */
    public String format(Object... args) {
        if (args == null || args.length == 0 || template == null) {
            return message;
        }
        return String.format(template, args);
    }

    /** This error as a rejection with the formatted message. */
    public Rejection reject(Object... args) {
        return new Rejection(this, format(args));
    }

    /** This error as a rejection with a specific engine message (the -2010/-2011 family). */
    public Rejection withMessage(String engineMessage) {
        return new Rejection(this, engineMessage);
    }

    /** The error with this code, or null. */
    public static ApiError ofCode(int code) {
        for (ApiError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}

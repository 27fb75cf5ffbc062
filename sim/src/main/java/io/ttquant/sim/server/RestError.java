package io.ttquant.sim.server;

/**
 * One REST error answer as Binance sends it: an HTTP status and the {@code {"code":..,"msg":..}}
 * body. A rejected request is a value of this type returned up the handler chain, never an
 * exception. The factory methods hold Binance's exact message texts for the errors the transport
 * itself raises (parameters, signatures, timing, rate limits); exchange rejections arrive from the
 * market package and are converted with {@link #of(int, int, String)}.
 */
record RestError(int httpStatus, int code, String msg, long retryAfterSeconds) {
    static final int NO_RETRY_AFTER = -1;

    static RestError of(int httpStatus, int code, String msg) {
        return new RestError(httpStatus, code, msg, NO_RETRY_AFTER);
    }

    static RestError badRequest(int code, String msg) {
        return of(400, code, msg);
    }

    static RestError unknown() {
        return of(500, -1000, "An unknown error occurred while processing the request.");
    }

    static RestError tooMuchWeight(long limit, long retryAfterSeconds) {
        return new RestError(429, -1003, "Too much request weight used; current limit is " + limit
                + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
                retryAfterSeconds);
    }

    static RestError ipBanned(long bannedUntilMillis, long retryAfterSeconds) {
        return new RestError(418, -1003, "Way too much request weight used; IP banned until " + bannedUntilMillis
                + ". Please use WebSocket Streams for live updates to avoid bans.", retryAfterSeconds);
    }

    static RestError tooManyOrders(long limit, String interval) {
        return of(429, -1015, "Too many new orders; current limit is " + limit + " orders per " + interval + ".");
    }

    static RestError timestampAhead() {
        return badRequest(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    }

    static RestError timestampOutsideRecvWindow() {
        return badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
    }

    static RestError badSignature() {
        return badRequest(-1022, "Signature for this request is not valid.");
    }

    static RestError illegalChars() {
        return badRequest(-1100, "Illegal characters found in a parameter.");
    }

    static RestError illegalChars(String param, String legalRange) {
        return badRequest(-1100, "Illegal characters found in parameter '" + param + "'; legal range is '" + legalRange + "'.");
    }

    static RestError duplicateParameter() {
        return badRequest(-1101, "Duplicate values for a parameter detected.");
    }

    static RestError tooManyParameters() {
        return badRequest(-1101, "Too many parameters sent for this endpoint.");
    }

    static RestError mandatory(String param) {
        return badRequest(-1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
    }

    static RestError eitherMandatory(String a, String b) {
        return badRequest(-1102, "Param '" + a + "' or '" + b + "' must be sent, but both were empty/null!");
    }

    static RestError unreadParameters(int read, int sent) {
        return badRequest(-1104, "Not all sent parameters were read; read '" + read + "' parameter(s) but was sent '" + sent + "'.");
    }

    static RestError emptyParameter(String param) {
        return badRequest(-1105, "Parameter '" + param + "' was empty.");
    }

    static RestError notRequired(String param) {
        return badRequest(-1106, "Parameter '" + param + "' sent when not required.");
    }

    static RestError invalidTimeInForce() {
        return badRequest(-1115, "Invalid timeInForce.");
    }

    static RestError invalidOrderType() {
        return badRequest(-1116, "Invalid orderType.");
    }

    static RestError invalidSide() {
        return badRequest(-1117, "Invalid side.");
    }

    static RestError badInterval() {
        return badRequest(-1120, "Invalid interval.");
    }

    static RestError badSymbol() {
        return badRequest(-1121, "Invalid symbol.");
    }

    static RestError invalidListenKey() {
        return badRequest(-1125, "This listenKey does not exist.");
    }

    static RestError badCombination() {
        return badRequest(-1128, "Combination of optional parameters invalid.");
    }

    static RestError invalidParameter(String param) {
        return badRequest(-1130, "Data sent for parameter '" + param + "' is not valid.");
    }

    static RestError badRecvWindow() {
        return badRequest(-1131, "recvWindow must be less than 60000");
    }

    static RestError badApiKeyFormat() {
        return of(401, -2014, "API-key format invalid.");
    }

    static RestError rejectedApiKey() {
        return of(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }
}

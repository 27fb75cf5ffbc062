package io.ttquant.sim.market;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses a {@link OrderRequest} the way Binance does before an order reaches the matching engine:
 * mandatory and forbidden parameters per type, enum values, decimal syntax and precision (at most
 * 8 decimals), then the symbol's filters (PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, NOTIONAL).
 * The first problem found becomes the {@link Rejection}; nothing else is checked after it.
 *
 * <p>Stateless apart from one request's parse; engine thread only. Never looks at balances or the
 * book beyond the average price used for a MARKET order's notional.
 */
final class OrderValidation {
    private static final Pattern DECIMAL = Pattern.compile("^([0-9]{1,20})(\\.[0-9]{1,20})?$");
    private static final Pattern CLIENT_ID = Pattern.compile("^[\\.A-Z\\:/a-z0-9_-]{1,36}$");

    /** A valid request: every value parsed, raw at the instrument's scales (quote at the cash scale). */
    record Parsed(SymbolMarket market, Side side, OrderType type, TimeInForce timeInForce, long quantity,
                  long quoteOrderQty, long price, long stopPrice, String clientOrderId,
                  NewOrderRespType respType, SelfTradePreventionMode stpMode) {
    }

    private Rejection error;

    private OrderValidation() {
    }

    /** The parsed request, or the rejection when it is invalid (exactly one of the two is non-null). */
    static Object parse(OrderRequest r, Map<String, SymbolMarket> markets) {
        OrderValidation v = new OrderValidation();
        Parsed p = v.run(r, markets);
        return p != null ? p : v.error;
    }

    private Parsed fail(Rejection r) {
        error = r;
        return null;
    }

    private Parsed run(OrderRequest r, Map<String, SymbolMarket> markets) {
        String symbol = blankToNull(r.symbol());
        if (symbol == null) {
            return fail(Rejection.mandatory("symbol"));
        }
        SymbolMarket market = markets.get(symbol);
        if (market == null) {
            return fail(ApiError.BAD_SYMBOL.reject());
        }
        String sideText = blankToNull(r.side());
        if (sideText == null) {
            return fail(Rejection.mandatory("side"));
        }
        Side side = "BUY".equals(sideText) ? Side.BUY : "SELL".equals(sideText) ? Side.SELL : null;
        if (side == null) {
            return fail(ApiError.INVALID_SIDE.reject());
        }
        String typeText = blankToNull(r.type());
        if (typeText == null) {
            return fail(Rejection.mandatory("type"));
        }
        OrderType type = OrderType.parse(typeText);
        if (type == null) {
            return fail(ApiError.INVALID_ORDER_TYPE.reject());
        }
        String tifText = blankToNull(r.timeInForce());
        TimeInForce tif = TimeInForce.GTC;
        if (tifText != null) {
            tif = TimeInForce.parse(tifText);
            if (tif == null) {
                return fail(ApiError.INVALID_TIF.reject());
            }
            if (!type.needsTimeInForce()) {
                return fail(ApiError.TIF_NOT_REQUIRED.reject());
            }
        } else if (type.needsTimeInForce()) {
            return fail(Rejection.mandatory("timeInForce"));
        }
        String qtyText = blankToNull(r.quantity());
        String quoteText = blankToNull(r.quoteOrderQty());
        if (type == OrderType.MARKET) {
            if (qtyText == null && quoteText == null) {
                return fail(Rejection.eitherMandatory("quantity", "quoteOrderQty"));
            }
            if (qtyText != null && quoteText != null) {
                return fail(ApiError.PARAM_NOT_REQUIRED.reject("quoteOrderQty"));
            }
        } else {
            if (qtyText == null) {
                return fail(Rejection.mandatory("quantity"));
            }
            if (quoteText != null) {
                return fail(ApiError.PARAM_NOT_REQUIRED.reject("quoteOrderQty"));
            }
        }
        String priceText = blankToNull(r.price());
        if (type.hasPrice() && priceText == null) {
            return fail(Rejection.mandatory("price"));
        }
        if (!type.hasPrice() && priceText != null) {
            return fail(ApiError.PARAM_NOT_REQUIRED.reject("price"));
        }
        String stopText = blankToNull(r.stopPrice());
        if (type.isStop() && stopText == null) {
            return fail(Rejection.mandatory("stopPrice"));
        }
        if (!type.isStop() && stopText != null) {
            return fail(ApiError.PARAM_NOT_REQUIRED.reject("stopPrice"));
        }
        String clientId = r.newClientOrderId();
        if (clientId != null) {
            if (clientId.isEmpty()) {
                return fail(ApiError.EMPTY_NEW_CL_ORD_ID.reject());
            }
            if (!CLIENT_ID.matcher(clientId).matches()) {
                return fail(ApiError.ILLEGAL_CHARS.reject("newClientOrderId", ApiError.CLIENT_ID_RANGE));
            }
        }
        NewOrderRespType resp = NewOrderRespType.defaultFor(type);
        String respText = blankToNull(r.newOrderRespType());
        if (respText != null) {
            resp = NewOrderRespType.parse(respText);
            if (resp == null) {
                return fail(ApiError.INVALID_PARAMETER.reject("newOrderRespType"));
            }
        }
        SelfTradePreventionMode stp = market.defaultSelfTradePreventionMode();
        String stpText = blankToNull(r.selfTradePreventionMode());
        if (stpText != null) {
            stp = SelfTradePreventionMode.parse(stpText);
            if (stp == null) {
                if ("DECREMENT".equals(stpText) || "TRANSFER".equals(stpText)) {
                    return fail(ApiError.FILTER_FAILURE.withMessage(ApiError.MSG_STP_NOT_ALLOWED));
                }
                return fail(ApiError.INVALID_PARAMETER.reject("selfTradePreventionMode"));
            }
        }

        long qty8 = qtyText == null ? 0 : decimal(qtyText, "quantity");
        long quote8 = quoteText == null ? 0 : decimal(quoteText, "quoteOrderQty");
        long price8 = priceText == null ? 0 : decimal(priceText, "price");
        long stop8 = stopText == null ? 0 : decimal(stopText, "stopPrice");
        if (error != null) {
            return null;
        }

        Instrument ins = market.instrument();
        long price = 0;
        if (priceText != null) {
            price = toScale(price8, ins.priceScale());
            if (price < 0 || ins.checkPrice(price) != null) {
                return fail(Rejection.filter("PRICE_FILTER"));
            }
        }
        long stopPrice = 0;
        if (stopText != null) {
            stopPrice = toScale(stop8, ins.priceScale());
            if (stopPrice < 0 || ins.checkPrice(stopPrice) != null) {
                return fail(Rejection.filter("PRICE_FILTER"));
            }
        }
        long qty = 0;
        if (qtyText != null) {
            qty = toScale(qty8, ins.qtyScale());
            if (qty < 0 || ins.checkQty(qty) != null) {
                return fail(Rejection.filter("LOT_SIZE"));
            }
            if (type.isMarketLike() && qty > market.marketMaxQty()) {
                return fail(Rejection.filter("MARKET_LOT_SIZE"));
            }
        }
        long minNotional = ins.minNotional();
        if (quoteText != null) {
            if (quote8 <= 0 || quote8 < minNotional) {
                return fail(Rejection.filter("NOTIONAL"));
            }
        } else if (minNotional > 0) {
            long notional;
            if (type.hasPrice()) {
                notional = ins.notional(price, qty);
            } else if (type.isStop()) {
                notional = ins.notional(stopPrice, qty);
            } else {
                long avg = market.avgPrice5m();
                notional = avg == 0 ? minNotional : Fixed.mulDiv(avg, qty, Fixed.pow10(ins.qtyScale()));
            }
            if (notional < minNotional) {
                return fail(Rejection.filter("NOTIONAL"));
            }
        }
        return new Parsed(market, side, type, tif, qty, quote8, price, stopPrice, clientId, resp, stp);
    }

    /** A decimal parameter at 8 decimals; -1 (and {@link #error} set) when it is not one. */
    private long decimal(String text, String param) {
        if (error != null) {
            return -1;
        }
        if (!DECIMAL.matcher(text).matches()) {
            error = ApiError.ILLEGAL_CHARS.reject(param, ApiError.DECIMAL_RANGE);
            return -1;
        }
        try {
            return Fixed.parse(text, Fixed.CASH_SCALE);
        } catch (NumberFormatException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            error = m.startsWith("more than") ? ApiError.BAD_PRECISION.reject(param) : ApiError.PARAM_OVERFLOW.reject(param);
            return -1;
        }
    }

    /** {@code v8} (8 decimals) at {@code scale} decimals, or -1 when it has finer digits. */
    private static long toScale(long v8, int scale) {
        long d = Fixed.pow10(Fixed.CASH_SCALE - scale);
        return v8 % d != 0 ? -1 : v8 / d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

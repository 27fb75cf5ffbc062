package io.ttquant.binance.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.binance.stream.SymbolTable;
import io.ttquant.binance.trading.BinanceOrderStatus;
import io.ttquant.binance.trading.BinanceOrderType;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link UserDataDecoder} fed directly: Binance's documented example payloads (spot
 * "User Data Streams", binance/binance-spot-api-docs user-data-stream.md at commit
 * 021bed18197dcb519ec9daa3a4482970d3074302, comments removed) decode to exact fixed-point values;
 * fields come in any order, escapes are decoded; every kind of bad message is skipped with its
 * reason and counted, nothing of it delivered; and decoding allocates nothing once warm.
 */
class UserDataDecoderTest {
    private static final long MS = 1_000_000L;
    private static final Instrument ETHBTC = Instrument.builder("ETHBTC").tickSize("0.00000001").stepSize("0.0001").build();
    private static final Instrument BTCUSDT = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").build();

    /**
     * The documented {@code executionReport}. The document omits the comma after {@code "J"}; it is
     * added here, otherwise the example is not JSON.
     */
    static final String DOCS_EXECUTION_REPORT = """
            {
              "e": "executionReport",
              "E": 1499405658658,
              "s": "ETHBTC",
              "c": "mUvoqJxFIILMdfAW5iGSOW",
              "S": "BUY",
              "o": "LIMIT",
              "f": "GTC",
              "q": "1.00000000",
              "p": "0.10264410",
              "P": "0.00000000",
              "d": 4,
              "F": "0.00000000",
              "g": -1,
              "C": "",
              "x": "NEW",
              "X": "NEW",
              "r": "NONE",
              "i": 4293153,
              "l": "0.00000000",
              "z": "0.00000000",
              "L": "0.00000000",
              "n": "0",
              "N": null,
              "T": 1499405658657,
              "t": -1,
              "I": 8641984,
              "w": true,
              "m": false,
              "M": false,
              "O": 1499405658657,
              "Z": "0.00000000",
              "Y": "0.00000000",
              "Q": "0.00000000",
              "D": 1668680518494,
              "j": 1,
              "J": 1000000,
              "W": 1499405658657,
              "V": "NONE"
            }
            """;

    static final String DOCS_ACCOUNT_POSITION = """
            {
              "e": "outboundAccountPosition",
              "E": 1564034571105,
              "u": 1564034571073,
              "B": [
                {
                  "a": "ETH",
                  "f": "10000.000000",
                  "l": "0.000000"
                }
              ]
            }
            """;

    static final String DOCS_BALANCE_UPDATE = """
            {
              "e": "balanceUpdate",
              "E": 1573200697110,
              "a": "BTC",
              "d": "100.00000000",
              "T": 1573200697068
            }
            """;

    static final String DOCS_LIST_STATUS = """
            {
              "e": "listStatus",
              "E": 1564035303637,
              "s": "ETHBTC",
              "g": 2,
              "c": "OCO",
              "l": "EXEC_STARTED",
              "L": "EXECUTING",
              "r": "NONE",
              "C": "F4QN4G8DlFATFlIUQ0cjdD",
              "T": 1564035303625,
              "O": [
                {"s": "ETHBTC", "i": 17, "c": "AJYsMjErWJesZvqlJCTUgL"},
                {"s": "ETHBTC", "i": 18, "c": "bfYPSQdLoqAJeNrOr9adzq"}
              ]
            }
            """;

    /** The current document's {@code listenKeyExpired} example: {@code E} is a string. */
    static final String DOCS_LISTEN_KEY_EXPIRED = """
            {
              "e": "listenKeyExpired",
              "E": "1699596037418",
              "listenKey": "OfYGbUzi3PraNagEkdKuFwUHn48brFsItTdsuiIXrucEvD0rhRXZ7I6URWfE8YE8"
            }
            """;

    private final UserDataDecoder decoder = new UserDataDecoder(SymbolTable.of(ETHBTC, BTCUSDT));

    private UserDataOutcome decode(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        // Decode from inside a larger buffer, as a network buffer would hold it.
        byte[] padded = new byte[b.length + 7];
        System.arraycopy(b, 0, padded, 3, b.length);
        return decoder.decode(padded, 3, b.length, 42L);
    }

    /** A compact TRADE report for BTCUSDT, fields as the simulator and Binance send them. */
    private static Map<String, String> tradeReport() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("e", "\"executionReport\"");
        f.put("E", "1700000000123");
        f.put("s", "\"BTCUSDT\"");
        f.put("c", "\"sell-7\"");
        f.put("S", "\"SELL\"");
        f.put("o", "\"LIMIT\"");
        f.put("f", "\"IOC\"");
        f.put("q", "\"0.25000000\"");
        f.put("p", "\"43210.50000000\"");
        f.put("P", "\"0.00000000\"");
        f.put("F", "\"0.00000000\"");
        f.put("g", "-1");
        f.put("C", "\"\"");
        f.put("x", "\"TRADE\"");
        f.put("X", "\"PARTIALLY_FILLED\"");
        f.put("r", "\"NONE\"");
        f.put("i", "987654321012");
        f.put("l", "\"0.10000000\"");
        f.put("z", "\"0.15000000\"");
        f.put("L", "\"43210.51000000\"");
        f.put("n", "\"4.32105100\"");
        f.put("N", "\"USDT\"");
        f.put("T", "1700000000120");
        f.put("t", "3000000001");
        f.put("I", "12345");
        f.put("w", "false");
        f.put("m", "true");
        f.put("M", "true");
        f.put("O", "1700000000001");
        f.put("Z", "\"6481.57650000\"");
        f.put("Y", "\"4321.05100000\"");
        f.put("Q", "\"0.00000000\"");
        f.put("V", "\"EXPIRE_MAKER\"");
        return f;
    }

    private static String json(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            b.append(b.length() == 1 ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue());
        }
        return b.append('}').toString();
    }

    private static String withField(String key, String raw) {
        Map<String, String> f = tradeReport();
        if (raw == null) {
            f.remove(key);
        } else {
            f.put(key, raw);
        }
        return json(f);
    }

    @Test
    void shouldDecodeBinancesDocumentedExecutionReportExactly() {
        assertThat(decode(DOCS_EXECUTION_REPORT)).isEqualTo(UserDataOutcome.EXECUTION_REPORT);
        ExecutionReportEvent r = decoder.executionReport();
        assertThat(r.instrument()).isSameAs(ETHBTC);
        assertThat(r.eventTimeNanos()).isEqualTo(1499405658658L * MS);
        assertThat(r.receiveTimeNanos()).isEqualTo(42L);
        assertThat(r.clientOrderId().contentEquals("mUvoqJxFIILMdfAW5iGSOW")).isTrue();
        assertThat(r.side()).isEqualTo(Side.BUY);
        assertThat(r.orderType()).isEqualTo(BinanceOrderType.LIMIT);
        assertThat(r.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(r.qty()).isEqualTo(ETHBTC.qty("1")).isEqualTo(10_000L);
        assertThat(r.price()).isEqualTo(10_264_410L);
        assertThat(r.stopPrice()).isZero();
        assertThat(r.origClientOrderId().isNull()).isFalse();
        assertThat(r.origClientOrderId().length()).isZero();
        assertThat(r.executionType()).isEqualTo(ExecutionType.NEW);
        assertThat(r.orderStatus()).isEqualTo(BinanceOrderStatus.NEW);
        assertThat(r.rejectReason().toString()).isEqualTo("NONE");
        assertThat(r.orderId()).isEqualTo(4293153L);
        assertThat(r.lastQty()).isZero();
        assertThat(r.cumulativeQty()).isZero();
        assertThat(r.lastPrice()).isZero();
        assertThat(r.commission()).isZero();
        assertThat(r.commissionAsset().isNull()).isTrue();
        assertThat(r.transactionTimeNanos()).isEqualTo(1499405658657L * MS);
        assertThat(r.tradeId()).isEqualTo(-1L);
        assertThat(r.maker()).isFalse();
        assertThat(r.orderCreationTimeNanos()).isEqualTo(1499405658657L * MS);
        assertThat(r.cumulativeQuoteQty()).isZero();
        assertThat(r.lastQuoteQty()).isZero();
        assertThat(r.isTrade()).isFalse();
        assertThat(decoder.stats().events(UserDataOutcome.EXECUTION_REPORT)).isEqualTo(1);
    }

    @Test
    void shouldDecodeATradeReportToExactFixedPointValues() {
        assertThat(decode(json(tradeReport()))).isEqualTo(UserDataOutcome.EXECUTION_REPORT);
        ExecutionReportEvent r = decoder.executionReport();
        assertThat(r.instrument()).isSameAs(BTCUSDT);
        assertThat(r.side()).isEqualTo(Side.SELL);
        assertThat(r.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(r.qty()).isEqualTo(25_000L);
        assertThat(r.price()).isEqualTo(4_321_050L);
        assertThat(r.executionType()).isEqualTo(ExecutionType.TRADE);
        assertThat(r.orderStatus()).isEqualTo(BinanceOrderStatus.PARTIALLY_FILLED);
        assertThat(r.orderId()).isEqualTo(987654321012L);
        assertThat(r.lastQty()).isEqualTo(10_000L);
        assertThat(r.cumulativeQty()).isEqualTo(15_000L);
        assertThat(r.lastPrice()).isEqualTo(4_321_051L);
        assertThat(r.commission()).isEqualTo(432_105_100L);
        assertThat(r.commissionAsset().contentEquals("USDT")).isTrue();
        assertThat(r.tradeId()).isEqualTo(3_000_000_001L);
        assertThat(r.maker()).isTrue();
        assertThat(r.cumulativeQuoteQty()).isEqualTo(648_157_650_000L);
        assertThat(r.lastQuoteQty()).isEqualTo(432_105_100_000L);
        assertThat(r.isTrade()).isTrue();
    }

    @Test
    void shouldReadFieldsInAnyOrderAndIgnoreFieldsItDoesNotKnow() {
        Map<String, String> f = tradeReport();
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("extra", "{\"nested\":[1,{\"a\":\"b\"}],\"s\":\"ETHBTC\"}");
        String[] keys = f.keySet().toArray(new String[0]);
        for (int i = keys.length - 1; i >= 0; i--) {
            reversed.put(keys[i], f.get(keys[i]));
        }
        assertThat(decode(json(reversed))).isEqualTo(UserDataOutcome.EXECUTION_REPORT);
        assertThat(decoder.executionReport().instrument()).isSameAs(BTCUSDT);
        assertThat(decoder.executionReport().lastPrice()).isEqualTo(4_321_051L);
    }

    @Test
    void shouldDecodeEscapesInTextFields() {
        assertThat(decode(withField("c", "\"a\\/b\\u0041\\\"q\\\\\""))).isEqualTo(UserDataOutcome.EXECUTION_REPORT);
        assertThat(decoder.executionReport().clientOrderId().toString()).isEqualTo("a/bA\"q\\");
        assertThat(decoder.executionReport().clientOrderId().contentEquals("a/bA\"q\\")).isTrue();
        assertThat(decode(withField("N", "\"\\u5e01\\ud83d\\ude00X\""))).isEqualTo(UserDataOutcome.EXECUTION_REPORT);
        Utf8Text asset = decoder.executionReport().commissionAsset();
        assertThat(asset.toString()).isEqualTo("币\uD83D\uDE00X");
        assertThat(asset.contentEquals("币\uD83D\uDE00X")).isTrue();
        assertThat(asset.contentEquals("币\uD83D\uDE00")).isFalse();
        assertThat(asset.length()).isEqualTo(3 + 4 + 1);
    }

    @Test
    void shouldDecodeTheDocumentedAccountPosition() {
        assertThat(decode(DOCS_ACCOUNT_POSITION)).isEqualTo(UserDataOutcome.ACCOUNT_POSITION);
        AccountPositionEvent p = decoder.accountPosition();
        assertThat(p.eventTimeNanos()).isEqualTo(1564034571105L * MS);
        assertThat(p.lastUpdateTimeNanos()).isEqualTo(1564034571073L * MS);
        assertThat(p.balanceCount()).isEqualTo(1);
        assertThat(p.asset(0).contentEquals("ETH")).isTrue();
        assertThat(p.free(0)).isEqualTo(10_000L * 100_000_000L);
        assertThat(p.locked(0)).isZero();
    }

    @Test
    void shouldDecodeManyBalancesAndReuseTheEventForTheNextMessage() {
        StringBuilder b = new StringBuilder("{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":2,\"B\":[");
        for (int i = 0; i < 40; i++) {
            b.append(i == 0 ? "" : ",").append("{\"a\":\"A").append(i).append("\",\"f\":\"").append(i).append(".00000001\",\"l\":\"")
                    .append(i).append("\"}");
        }
        assertThat(decode(b.append("]}").toString())).isEqualTo(UserDataOutcome.ACCOUNT_POSITION);
        AccountPositionEvent p = decoder.accountPosition();
        assertThat(p.balanceCount()).isEqualTo(40);
        assertThat(p.asset(39).toString()).isEqualTo("A39");
        assertThat(p.free(39)).isEqualTo(3_900_000_001L);
        assertThat(p.locked(39)).isEqualTo(3_900_000_000L);
        assertThat(decode(DOCS_ACCOUNT_POSITION)).isEqualTo(UserDataOutcome.ACCOUNT_POSITION);
        assertThat(decoder.accountPosition()).isSameAs(p);
        assertThat(p.balanceCount()).isEqualTo(1);
        assertThat(decode("{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":2,\"B\":[]}")).isEqualTo(UserDataOutcome.ACCOUNT_POSITION);
        assertThat(p.balanceCount()).isZero();
    }

    @Test
    void shouldDecodeTheDocumentedBalanceUpdateAndANegativeDelta() {
        assertThat(decode(DOCS_BALANCE_UPDATE)).isEqualTo(UserDataOutcome.BALANCE_UPDATE);
        BalanceUpdateEvent u = decoder.balanceUpdate();
        assertThat(u.asset().contentEquals("BTC")).isTrue();
        assertThat(u.delta()).isEqualTo(100L * 100_000_000L);
        assertThat(u.eventTimeNanos()).isEqualTo(1573200697110L * MS);
        assertThat(u.clearTimeNanos()).isEqualTo(1573200697068L * MS);
        assertThat(decode(DOCS_BALANCE_UPDATE.replace("\"100.00000000\"", "\"-0.00000001\""))).isEqualTo(UserDataOutcome.BALANCE_UPDATE);
        assertThat(decoder.balanceUpdate().delta()).isEqualTo(-1L);
    }

    @Test
    void shouldDecodeTheDocumentedListenKeyExpiredWithItsStringEventTime() {
        assertThat(decode(DOCS_LISTEN_KEY_EXPIRED)).isEqualTo(UserDataOutcome.LISTEN_KEY_EXPIRED);
        assertThat(decoder.expiredEventTimeNanos()).isEqualTo(1699596037418L * MS);
        assertThat(decoder.expiredListenKey().toString()).isEqualTo("OfYGbUzi3PraNagEkdKuFwUHn48brFsItTdsuiIXrucEvD0rhRXZ7I6URWfE8YE8");
        assertThat(decode("{\"e\":\"listenKeyExpired\",\"E\":1699596037418}")).isEqualTo(UserDataOutcome.LISTEN_KEY_EXPIRED);
        assertThat(decoder.expiredListenKey().isNull()).isTrue();
    }

    static Stream<Arguments> badMessages() {
        StringBuilder manyBalances = new StringBuilder("{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":2,\"B\":[");
        for (int i = 0; i <= AccountPositionEvent.MAX_BALANCES; i++) {
            manyBalances.append(i == 0 ? "" : ",").append("{\"a\":\"X\",\"f\":\"1\",\"l\":\"0\"}");
        }
        return Stream.of(
                Arguments.of("empty message", "", SkipReason.INVALID_JSON),
                Arguments.of("truncated", json(tradeReport()).substring(0, 120), SkipReason.INVALID_JSON),
                Arguments.of("trailing data", json(tradeReport()) + "x", SkipReason.INVALID_JSON),
                Arguments.of("bad literal", withField("m", "tru"), SkipReason.INVALID_JSON),
                Arguments.of("array", "[1,2]", SkipReason.NOT_AN_EVENT),
                Arguments.of("control reply", "{\"result\":null,\"id\":1}", SkipReason.NOT_AN_EVENT),
                Arguments.of("numeric event type", "{\"e\":5,\"E\":1}", SkipReason.NOT_AN_EVENT),
                Arguments.of("documented listStatus", DOCS_LIST_STATUS, SkipReason.UNKNOWN_EVENT_TYPE),
                Arguments.of("another event", "{\"e\":\"externalLockUpdate\",\"E\":1}", SkipReason.UNKNOWN_EVENT_TYPE),
                Arguments.of("unknown symbol", withField("s", "\"DOGEUSDT\""), SkipReason.UNKNOWN_SYMBOL),
                Arguments.of("symbol not a string", withField("s", "1"), SkipReason.WRONG_TYPE),
                Arguments.of("price finer than the tick", withField("p", "\"43210.505\""), SkipReason.BAD_NUMBER),
                Arguments.of("qty finer than the step", withField("l", "\"0.000000001\""), SkipReason.BAD_NUMBER),
                Arguments.of("commission finer than 8 decimals", withField("n", "\"0.000000001\""), SkipReason.BAD_NUMBER),
                Arguments.of("negative qty", withField("q", "\"-1\""), SkipReason.BAD_NUMBER),
                Arguments.of("trade id below -1", withField("t", "-2"), SkipReason.BAD_NUMBER),
                Arguments.of("order id overflows", withField("i", "92233720368547758070"), SkipReason.BAD_NUMBER),
                Arguments.of("event time beyond nanos", withField("E", "9223372036854775"), SkipReason.BAD_NUMBER),
                Arguments.of("not a number", withField("z", "\"1.2.3\""), SkipReason.BAD_NUMBER),
                Arguments.of("missing cumulative qty", withField("z", null), SkipReason.MISSING_FIELD),
                Arguments.of("missing order id", withField("i", null), SkipReason.MISSING_FIELD),
                Arguments.of("missing commission asset", withField("N", null), SkipReason.MISSING_FIELD),
                Arguments.of("missing client id", withField("c", null), SkipReason.MISSING_FIELD),
                Arguments.of("maker as a string", withField("m", "\"true\""), SkipReason.WRONG_TYPE),
                Arguments.of("price as an object", withField("p", "{}"), SkipReason.WRONG_TYPE),
                Arguments.of("client id null", withField("c", "null"), SkipReason.WRONG_TYPE),
                Arguments.of("status as execution type", withField("x", "\"FILLED\""), SkipReason.UNKNOWN_ENUM_VALUE),
                Arguments.of("lower-case side", withField("S", "\"buy\""), SkipReason.UNKNOWN_ENUM_VALUE),
                Arguments.of("futures time in force", withField("f", "\"GTX\""), SkipReason.UNKNOWN_ENUM_VALUE),
                Arguments.of("unknown order type", withField("o", "\"TRAILING\""), SkipReason.UNKNOWN_ENUM_VALUE),
                Arguments.of("client id too long", withField("c", "\"" + "x".repeat(Utf8Text.CAPACITY + 1) + "\""), SkipReason.BAD_TEXT),
                Arguments.of("lone surrogate", withField("c", "\"\\ud83d\""), SkipReason.BAD_TEXT),
                Arguments.of("balances not an array", "{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":2,\"B\":{}}", SkipReason.WRONG_TYPE),
                Arguments.of("balance not an object", "{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":2,\"B\":[1]}", SkipReason.WRONG_TYPE),
                Arguments.of("balance without free", "{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":2,\"B\":[{\"a\":\"X\",\"l\":\"0\"}]}",
                        SkipReason.MISSING_FIELD),
                Arguments.of("negative free balance", "{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":2,\"B\":[{\"a\":\"X\",\"f\":\"-1\",\"l\":\"0\"}]}",
                        SkipReason.BAD_NUMBER),
                Arguments.of("no balances", "{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":2}", SkipReason.MISSING_FIELD),
                Arguments.of("too many balances", manyBalances.append("]}").toString(), SkipReason.TOO_MANY_BALANCES),
                Arguments.of("balance update without delta", "{\"e\":\"balanceUpdate\",\"E\":1,\"a\":\"BTC\",\"T\":2}", SkipReason.MISSING_FIELD),
                Arguments.of("expiry with a numeric key", "{\"e\":\"listenKeyExpired\",\"E\":1,\"listenKey\":5}", SkipReason.WRONG_TYPE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessages")
    void shouldSkipAndCountABadMessageByItsReason(String what, String message, SkipReason reason) {
        assertThat(decode(message)).as(what).isEqualTo(UserDataOutcome.SKIPPED);
        assertThat(decoder.lastSkipReason()).as(what).isEqualTo(reason);
        assertThat(decoder.stats().skipped(reason)).isEqualTo(1);
        assertThat(decoder.stats().events(UserDataOutcome.SKIPPED)).isEqualTo(1);
        assertThat(decoder.stats().events(UserDataOutcome.EXECUTION_REPORT)).isZero();
        // A good message afterwards decodes as if nothing had happened.
        assertThat(decode(json(tradeReport()))).isEqualTo(UserDataOutcome.EXECUTION_REPORT);
        assertThat(decoder.lastSkipReason()).isNull();
        assertThat(decoder.executionReport().lastPrice()).isEqualTo(4_321_051L);
    }

    @Test
    void shouldCountEventsAndSkipsSeparately() {
        decode(DOCS_EXECUTION_REPORT);
        decode(json(tradeReport()));
        decode(DOCS_ACCOUNT_POSITION);
        decode(DOCS_BALANCE_UPDATE);
        decode(DOCS_LISTEN_KEY_EXPIRED);
        decode(DOCS_LIST_STATUS);
        decode("{oops");
        decode(withField("s", "\"XRPUSDT\""));
        UserDataStats s = decoder.stats();
        assertThat(s.events(UserDataOutcome.EXECUTION_REPORT)).isEqualTo(2);
        assertThat(s.events(UserDataOutcome.ACCOUNT_POSITION)).isEqualTo(1);
        assertThat(s.events(UserDataOutcome.BALANCE_UPDATE)).isEqualTo(1);
        assertThat(s.events(UserDataOutcome.LISTEN_KEY_EXPIRED)).isEqualTo(1);
        assertThat(s.events(UserDataOutcome.SKIPPED)).isEqualTo(3);
        assertThat(s.skipped(SkipReason.UNKNOWN_EVENT_TYPE)).isEqualTo(1);
        assertThat(s.skipped(SkipReason.INVALID_JSON)).isEqualTo(1);
        assertThat(s.skipped(SkipReason.UNKNOWN_SYMBOL)).isEqualTo(1);
    }

    @Test
    void shouldNotAllocateWhenDecodingOnceWarm() {
        byte[][] mix = {
            json(tradeReport()).getBytes(StandardCharsets.UTF_8),
            DOCS_EXECUTION_REPORT.getBytes(StandardCharsets.UTF_8),
            DOCS_ACCOUNT_POSITION.getBytes(StandardCharsets.UTF_8),
            DOCS_BALANCE_UPDATE.getBytes(StandardCharsets.UTF_8),
            DOCS_LIST_STATUS.getBytes(StandardCharsets.UTF_8),
            withField("c", "\"esc\\/aped\"").getBytes(StandardCharsets.UTF_8),
            withField("p", "\"1.001\"").getBytes(StandardCharsets.UTF_8),
        };
        long sum = 0;
        for (int i = 0; i < 50_000; i++) {
            sum += run(mix[i % mix.length]);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int n = 200_000;
        long before = threads.getThreadAllocatedBytes(thread);
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sum += run(mix[i % mix.length]);
        }
        long elapsed = System.nanoTime() - started;
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        System.out.printf("user data decoding: %d bytes allocated over %d messages (%.4f bytes/message), %.0f ns/message, checksum %d%n",
                allocated, n, allocated / (double) n, elapsed / (double) n, sum);
        assertThat(allocated / (double) n).as("bytes allocated per message").isLessThan(1.0);
    }

    private long run(byte[] message) {
        UserDataOutcome o = decoder.decode(message, 0, message.length, 7L);
        return switch (o) {
            case EXECUTION_REPORT -> decoder.executionReport().lastPrice() + decoder.executionReport().clientOrderId().length();
            case ACCOUNT_POSITION -> decoder.accountPosition().free(0);
            case BALANCE_UPDATE -> decoder.balanceUpdate().delta();
            default -> o.ordinal();
        };
    }
}

package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed and hostile requests get Binance's error JSON with the right status; the server keeps serving. */
class RestBadInputTest {
    private static SimServerFixture f;

    @BeforeAll
    static void start() {
        f = new SimServerFixture(SimServerConfig.builder().maxUriLength(2048).maxBodyBytes(4096).weightPerMinute(1_000_000).build());
    }

    @AfterAll
    static void stop() {
        f.close();
        assertThat(f.server.stats().restInternalErrors()).isZero();
    }

    private static void assertError(HttpResponse<String> r, int status, int code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).startsWith("{\"code\":" + code + ",\"msg\":\"");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
        assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
    }

    @Test
    void shouldNameTheMissingMandatoryParameter() throws Exception {
        HttpResponse<String> r = f.get("/api/v3/depth");
        assertError(r, 400, -1102);
        assertThat(r.body()).contains("Mandatory parameter 'symbol' was not sent");
        assertError(f.get("/api/v3/depth?symbol="), 400, -1102);
    }

    @Test
    void shouldRejectBadNumbersSymbolsAndEscapes() throws Exception {
        assertThat(f.get("/api/v3/depth?symbol=BTCUSDT&limit=ten").body())
                .isEqualTo("{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.\"}");
        assertError(f.get("/api/v3/depth?symbol=BTCUSDT&limit=0"), 400, -1130);
        assertError(f.get("/api/v3/depth?symbol=BTC%20USDT"), 400, -1100);
        assertThat(rawExchange("GET /api/v3/depth?symbol=BTCUSDT%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close".getBytes(StandardCharsets.US_ASCII)))
                .startsWith("HTTP/1.1 400").contains("{\"code\":-1100,");
        assertError(f.get("/api/v3/aggTrades?symbol=BTCUSDT&fromId=-5"), 400, -1100);
        assertError(f.get("/api/v3/aggTrades?symbol=BTCUSDT&fromId=99999999999999999999999"), 400, -1100);
    }

    @Test
    void shouldRejectDuplicateAndUnknownParameters() throws Exception {
        assertThat(f.get("/api/v3/depth?symbol=BTCUSDT&symbol=ETHUSDT").body())
                .isEqualTo("{\"code\":-1101,\"msg\":\"Duplicate values for a parameter detected.\"}");
        assertThat(f.get("/api/v3/depth?symbol=BTCUSDT&foo=bar").body())
                .isEqualTo("{\"code\":-1104,\"msg\":\"Not all sent parameters were read; read '1' parameter(s) but was sent '2'.\"}");
    }

    @Test
    void shouldRefuseAnOverlongUri() throws Exception {
        HttpResponse<String> r = f.get("/api/v3/depth?symbol=BTCUSDT&x=" + "a".repeat(5000));
        assertError(r, 414, -1101);
        assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnOversizedBody() throws Exception {
        HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("/api/v3/order")).header("X-MBX-APIKEY", "k")
                .POST(HttpRequest.BodyPublishers.ofString("a=" + "b".repeat(10_000))).build());
        assertError(r, 413, -1101);
        assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldSurviveGarbageAndMalformedHttp() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[1 + random.nextInt(2000)];
            for (int j = 0; j < junk.length; j++) {
                junk[j] = (byte) random.nextInt(256);
            }
            String answer = rawExchange(junk);
            assertThat(answer).as("junk %s", i).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 "));
        }
        String malformed = rawExchange("GET /api/v3/ping HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(malformed).startsWith("HTTP/1.1 400");
        assertThat(malformed).contains("{\"code\":-1100").containsIgnoringCase("X-MBX-USED-WEIGHT-1M");
        assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerEveryEndpointWithJsonForRandomParameters() throws Exception {
        String[] paths = {"/api/v3/depth", "/api/v3/trades", "/api/v3/aggTrades", "/api/v3/klines", "/api/v3/ticker/24hr",
                "/api/v3/ticker/bookTicker", "/api/v3/exchangeInfo", "/api/v3/order", "/api/v3/openOrders", "/api/v3/account",
                "/api/v3/myTrades"};
        String[] names = {"symbol", "limit", "fromId", "startTime", "endTime", "interval", "symbols", "type", "orderId", "timestamp"};
        String[] values = {"BTCUSDT", "ETHUSDT", "-1", "0", "1", "99999999999999999999", "1m", "%5B%22BTCUSDT%22%5D", "", "abc", "%00", "1.5"};
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 300; i++) {
            StringBuilder q = new StringBuilder();
            int n = random.nextInt(4);
            for (int j = 0; j < n; j++) {
                q.append(j == 0 ? "" : "&").append(names[random.nextInt(names.length)]).append('=').append(values[random.nextInt(values.length)]);
            }
            HttpResponse<String> r = f.get(paths[random.nextInt(paths.length)] + "?" + q);
            assertThat(r.statusCode()).as(q.toString()).isIn(200, 400, 401);
            TestJson.parse(r.body());
        }
    }

    private static String rawExchange(byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", f.server.port()), 10_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            // End whatever the junk started, so the server has a complete (bad) request to answer.
            s.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            try {
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                }
            } catch (IOException resetOrTimeout) {
                // the server may reset a connection carrying garbage, or keep a half request open
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }
}

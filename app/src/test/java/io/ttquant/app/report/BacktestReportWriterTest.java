package io.ttquant.app.report;

import static io.ttquant.app.report.ReportFixture.HOUR;
import static io.ttquant.app.report.ReportFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.analytics.PerformanceReport;
import io.ttquant.core.backtest.BacktestResult;
import io.ttquant.core.backtest.StrategyResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class BacktestReportWriterTest {
    private static final List<String> REQUIRED_KEYS = List.of(
            "bars", "trades", "final_equity", "total_return", "sharpe", "sortino", "max_drawdown", "win_rate",
            "profit_factor", "fees", "strategy", "params", "symbol", "events", "initial_equity", "cagr",
            "annualized_volatility", "calmar", "max_drawdown_duration_seconds", "payoff_ratio", "expectancy",
            "avg_holding_seconds", "exposure", "turnover", "orders", "fills", "rejections", "realized_pnl",
            "unrealized_pnl", "start", "end", "skipped_rows");

    private static final Pattern REMOTE_REFERENCE =
            Pattern.compile("(?i)(src|href|xlink:href|action)\\s*=\\s*[\"']?\\s*(https?:)?//|@import|url\\(\\s*[\"']?(https?:)?//");

    @TempDir
    Path dir;

    private final BacktestReportWriter writer = new BacktestReportWriter();

    @Test
    void shouldWriteEveryReportFile() {
        writer.write(ReportFixture.result(ReportFixture.winningRun("s1", "sma")), ReportFixture.info(Map.of()), dir);

        assertThat(dir.resolve("summary.json")).isRegularFile();
        assertThat(dir.resolve("trades.csv")).isRegularFile();
        assertThat(dir.resolve("orders.csv")).isRegularFile();
        assertThat(dir.resolve("equity.csv")).isRegularFile();
        assertThat(dir.resolve("fills.csv")).isRegularFile();
        assertThat(dir.resolve("report.html")).isRegularFile();
    }

    @Test
    void shouldCreateMissingOutputDirectoryAndLeaveNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("a/b/c");

        writer.write(ReportFixture.result(ReportFixture.winningRun("s1", "sma")), ReportFixture.info(Map.of()), out);

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("summary.json", "trades.csv", "orders.csv", "equity.csv", "fills.csv", "report.html");
        }
    }

    @Test
    void shouldWriteSummaryWithEveryRequiredKeyAndExactMoney() throws IOException {
        StrategyResult s = ReportFixture.winningRun("s1", "sma");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fast", "10");
        params.put("slow", "30");

        writer.write(ReportFixture.result(s), ReportFixture.info(params), dir);

        Map<String, Object> json = MiniJson.object(read("summary.json"));
        assertThat(json.keySet()).containsAll(REQUIRED_KEYS);
        PerformanceReport r = s.report();
        assertThat(json.get("strategy")).isEqualTo("sma-cross");
        assertThat(json.get("params")).isEqualTo(params);
        assertThat(((Map<?, ?>) json.get("params")).keySet().toString()).isEqualTo("[fast, slow]");
        assertThat(json.get("symbol")).isEqualTo("BTCUSDT");
        assertThat(json.get("start")).isEqualTo("2021-04-20T20:42:00.000Z");
        assertThat(json.get("end")).isEqualTo("2021-04-21T00:42:00.000Z");
        assertThat(json.get("events")).isEqualTo(new BigDecimal("5"));
        assertThat(json.get("bars")).isEqualTo(new BigDecimal("5"));
        assertThat(json.get("skipped_rows")).isEqualTo(new BigDecimal("2"));
        assertThat(json.get("trades")).isEqualTo(new BigDecimal("1"));
        assertThat(json.get("orders")).isEqualTo(new BigDecimal("4"));
        assertThat(json.get("fills")).isEqualTo(new BigDecimal("2"));
        assertThat(json.get("initial_equity")).isEqualTo(new BigDecimal("10000"));
        assertThat(json.get("final_equity")).isEqualTo(new BigDecimal("10089.9"));
        assertThat(json.get("fees")).isEqualTo(new BigDecimal("10.1"));
        assertThat(json.get("realized_pnl")).isEqualTo(new BigDecimal("100"));
        assertThat(json.get("unrealized_pnl")).isEqualTo(new BigDecimal("0"));
        assertThat(json.get("traded_notional")).isEqualTo(new BigDecimal("10100"));
        assertThat(json.get("total_return")).isEqualTo(new BigDecimal("0.00899"));
        assertThat(number(json, "sharpe")).isEqualTo(r.sharpeRatio());
        assertThat(number(json, "sortino")).isEqualTo(r.sortinoRatio());
        assertThat(number(json, "cagr")).isEqualTo(r.cagr());
        assertThat(number(json, "annualized_volatility")).isEqualTo(r.annualisedVolatility());
        assertThat(number(json, "calmar")).isEqualTo(r.calmarRatio());
        assertThat(number(json, "max_drawdown")).isEqualTo(r.maxDrawdown()).isEqualTo(55.0 / 10_000.0);
        assertThat(json.get("max_drawdown_duration_seconds")).isEqualTo(new BigDecimal("10800"));
        assertThat(json.get("win_rate")).isEqualTo(new BigDecimal("1"));
        assertThat(number(json, "expectancy")).isEqualTo(89.9);
        assertThat(json.get("avg_holding_seconds")).isEqualTo(new BigDecimal("7200"));
        assertThat(number(json, "exposure")).isEqualTo(r.timeInMarket()).isEqualTo(0.5);
        assertThat(number(json, "turnover")).isEqualTo(r.turnover());
        assertThat(json.get("rejections")).isEqualTo(Map.of("INSUFFICIENT_BALANCE", new BigDecimal("1")));
    }

    @Test
    void shouldWriteUnboundedRatiosAsNull() throws IOException {
        StrategyResult s = ReportFixture.winningRun("s1", "sma");
        assertThat(s.report().profitFactor()).isInfinite();

        writer.write(ReportFixture.result(s), ReportFixture.info(Map.of()), dir);

        Map<String, Object> json = MiniJson.object(read("summary.json"));
        assertThat(json).containsEntry("profit_factor", null).containsEntry("payoff_ratio", null);
    }

    @Test
    void shouldWriteUndefinedMetricsAsNullWhenThereAreNoTrades() throws IOException {
        BacktestResult result = ReportFixture.emptyRun();
        PerformanceReport r = result.strategies().get(0).report();
        assertThat(r.winRate()).isNaN();
        assertThat(r.sharpeRatio()).isNaN();

        writer.write(result, ReportFixture.info(Map.of()), dir);

        String text = read("summary.json");
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        Map<String, Object> json = MiniJson.object(text);
        assertThat(json.keySet()).containsAll(REQUIRED_KEYS);
        assertThat(json).containsEntry("win_rate", null).containsEntry("sharpe", null).containsEntry("sortino", null)
                .containsEntry("expectancy", null).containsEntry("profit_factor", null).containsEntry("payoff_ratio", null);
        assertThat(json.get("trades")).isEqualTo(new BigDecimal("0"));
        assertThat(json.get("rejections")).isEqualTo(Map.of());
        assertThat(read("trades.csv")).isEqualTo("entry_time,entry_price,exit_time,exit_price,qty,pnl,fees,side,holding_seconds\n");
    }

    @Test
    void shouldWriteAReportForARunWithoutAnySample() throws IOException {
        writer.write(ReportFixture.nothingRun(), ReportFixture.info(Map.of()), dir);

        Map<String, Object> json = MiniJson.object(read("summary.json"));
        assertThat(json).containsEntry("start", null).containsEntry("end", null).containsEntry("cagr", null)
                .containsEntry("final_equity", new BigDecimal("1000"));
        assertThat(MiniCsv.parse(read("equity.csv"))).hasSize(1);
        assertThat(read("report.html")).contains("no data").contains("No equity samples.").contains("No completed round trips.");
    }

    @Test
    void shouldEscapeParametersInJsonSoTheyReadBackUnchanged() throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("quote\"d", "back\\slash");
        params.put("lines", "a\nb\tc\u0001");
        params.put("html", "<script>alert('x')</script>");
        params.put("unicode", "€ – 日本 \uD83D\uDE80");

        writer.write(ReportFixture.result(ReportFixture.winningRun("s1", "sma")), ReportFixture.info(params), dir);

        assertThat(MiniJson.object(read("summary.json")).get("params")).isEqualTo(params);
    }

    @Test
    void shouldWriteOneTradeRowPerRoundTrip() throws IOException {
        writer.write(ReportFixture.result(ReportFixture.winningRun("s1", "sma")), ReportFixture.info(Map.of()), dir);

        List<List<String>> rows = MiniCsv.parse(read("trades.csv"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("entry_time", "entry_price", "exit_time", "exit_price", "qty", "pnl", "fees");
        assertThat(rows.get(1)).containsExactly("2021-04-20T21:42:00.000Z", "50000", "2021-04-20T23:42:00.000Z", "51000",
                "0.1", "89.9", "10.1", "LONG", "7200");
    }

    @Test
    void shouldQuoteOrderFieldsAndLeaveInapplicablePricesEmpty() throws IOException {
        writer.write(ReportFixture.result(ReportFixture.winningRun("s1", "sma")), ReportFixture.info(Map.of()), dir);

        String text = read("orders.csv");
        assertThat(text).contains("2,\"weird,\"\"id\"\"\",s1,BTCUSDT,SELL,LIMIT,GTC,");
        List<List<String>> rows = MiniCsv.parse(text);
        assertThat(rows.get(0)).containsExactly("order_id", "client_order_id", "strategy", "symbol", "side", "type",
                "time_in_force", "quantity", "price", "stop_price", "status", "reason", "filled_qty", "avg_fill_price", "fees",
                "created_time", "updated_time");
        assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r).hasSize(17));
        assertThat(rows.get(1)).containsExactly("1", "s1-1", "s1", "BTCUSDT", "BUY", "MARKET", "GTC", "0.1", "", "", "FILLED",
                "", "0.1", "50000", "5", "2021-04-20T21:42:00.000Z", "2021-04-20T21:42:00.000Z");
        assertThat(rows.get(2)).containsExactly("2", "weird,\"id\"", "s1", "BTCUSDT", "SELL", "LIMIT", "GTC", "0.1", "51000", "",
                "FILLED", "", "0.1", "51000", "5.1", "2021-04-20T22:42:00.000Z", "2021-04-20T23:42:00.000Z");
        assertThat(rows.get(3)).containsExactly("3", "s1-3", "s1", "BTCUSDT", "BUY", "LIMIT", "GTC", "5", "50500.5", "",
                "REJECTED", "INSUFFICIENT_BALANCE", "0", "", "0", "2021-04-20T23:42:00.000Z", "2021-04-20T23:42:00.000Z");
        assertThat(rows.get(4).subList(7, 13)).containsExactly("0.05", "", "48000", "CANCELED", "", "0");
    }

    @Test
    void shouldWriteOneFillRowPerFillWithExactAmounts() throws IOException {
        writer.write(ReportFixture.result(ReportFixture.winningRun("s1", "sma")), ReportFixture.info(Map.of()), dir);

        List<List<String>> rows = MiniCsv.parse(read("fills.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("time", "order_id", "client_order_id", "trade_id", "symbol", "side", "price", "qty",
                "notional", "fee", "fee_asset", "liquidity");
        assertThat(rows.get(2)).containsExactly("2021-04-20T23:42:00.000Z", "2", "weird,\"id\"", "102", "BTCUSDT", "SELL", "51000",
                "0.1", "5100", "5.1", "USDT", "MAKER");
    }

    @Test
    void shouldWriteOneEquityRowPerSampleWithTheReportDrawdown() throws IOException {
        StrategyResult s = ReportFixture.winningRun("s1", "sma");

        writer.write(ReportFixture.result(s), ReportFixture.info(Map.of()), dir);

        List<List<String>> rows = MiniCsv.parse(read("equity.csv"));
        assertThat(rows).hasSize(s.series().size() + 1);
        assertThat(rows.get(0)).containsExactly("time", "equity", "drawdown", "exposure", "price");
        assertThat(rows.get(1)).containsExactly("2021-04-20T20:42:00.000Z", "10000", "0", "0", "49900");
        assertThat(rows.get(3).subList(0, 2)).containsExactly("2021-04-20T22:42:00.000Z", "9945");
        assertThat(Double.parseDouble(rows.get(3).get(2))).isCloseTo(s.report().drawdownAt(2), org.assertj.core.data.Offset.offset(1e-10));
        assertThat(rows.get(4).get(1)).isEqualTo("10089.9");
    }

    @Test
    void shouldWriteSelfContainedHtmlWithChartsStatisticsAndTradeMarkers() throws IOException {
        writer.write(ReportFixture.result(ReportFixture.winningRun("s1", "sma")), ReportFixture.info(Map.of("fast", "10")), dir);

        String html = read("report.html");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg").endsWith("</html>\n");
        assertThat(REMOTE_REFERENCE.matcher(html).find()).as("remote reference in page").isFalse();
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
        assertThat(countOf(html, "<svg")).isEqualTo(3);
        assertThat(html).contains("id=\"statistics\"").contains("Sharpe ratio").contains("Profit factor").contains("Calmar ratio")
                .contains("Max drawdown duration").contains("Turnover").contains("Definition");
        assertThat(countOf(html, "class=\"mk en\"")).isEqualTo(1);
        assertThat(countOf(html, "class=\"mk ex\"")).isEqualTo(1);
        assertThat(html).contains("id=\"monthly\"").contains("<th>Apr</th>").contains("id=\"rejections\"")
                .contains("INSUFFICIENT_BALANCE").contains("id=\"trades\"").contains("2021-04-20T21:42:00.000Z");
        assertThat(html).contains("10,089.9 USDT").contains("0.90 %");
    }

    @Test
    void shouldDrawChartsAsWellFormedSvg() throws Exception {
        Map<String, String> params = Map.of("evil", "<b>&\"'</b>");
        writer.write(ReportFixture.longRun(50_000, 300), ReportFixture.info(params), dir);

        String html = read("report.html");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        int charts = 0;
        for (int i = html.indexOf("<svg"); i >= 0; i = html.indexOf("<svg", i + 1)) {
            String svg = html.substring(i, html.indexOf("</svg>", i) + "</svg>".length());
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            assertThat(doc.getDocumentElement().getAttribute("viewBox")).startsWith("0 0 1000 ");
            assertThat(doc.getElementsByTagName("text").getLength()).as("axis labels").isGreaterThan(4);
            charts++;
        }
        assertThat(charts).isEqualTo(3);
    }

    @Test
    void shouldEscapeStrategyParametersInHtml() throws IOException {
        Map<String, String> params = Map.of("evil", "<script>alert('x')</script>", "amp", "a&b\"c");

        writer.write(ReportFixture.result(ReportFixture.winningRun("s1", "sma")), ReportFixture.info(params), dir);

        String html = read("report.html");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("a&b\"c");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("a&amp;b&quot;c");
        assertThat(countOf(html, "<script>")).isEqualTo(1);
    }

    @Test
    void shouldListOnlyTheLastFiftyRoundTripsAndPointToTheCsv() throws IOException {
        writer.write(ReportFixture.longRun(20_000, 120), ReportFixture.info(Map.of()), dir);

        String html = read("report.html");
        assertThat(html).contains("Showing the last 50 of 120 round trips").contains("href=\"trades.csv\"");
        String tradesSection = html.substring(html.indexOf("id=\"trades\""));
        assertThat(countOf(tradesSection, "<tr><td class=\"num\">")).isEqualTo(50);
        assertThat(MiniCsv.parse(read("trades.csv"))).hasSize(121);
    }

    @Test
    void shouldKeepTheHtmlSmallForAMillionSamplesAndManyTrades() throws IOException {
        BacktestResult result = ReportFixture.longRun(1_000_000, 5_000);

        writer.write(result, ReportFixture.info(Map.of()), dir);

        assertThat(Files.size(dir.resolve("report.html"))).isLessThan(2_000_000L);
        assertThat(Files.lines(dir.resolve("equity.csv")).count()).isEqualTo(1_000_001L);
        String html = read("report.html");
        assertThat(html).contains("<title>5000 entries</title>").contains("<title>5000 exits</title>");
    }

    @Test
    void shouldWritePerStrategyFoldersWhenThereAreSeveralStrategies() throws IOException {
        BacktestResult result = ReportFixture.result(ReportFixture.winningRun("s1", "first"), ReportFixture.winningRun("s/2", "second"));

        writer.write(result, ReportFixture.info(Map.of()), dir);

        assertThat(MiniJson.object(read("summary.json"))).containsEntry("strategy_id", "s1");
        assertThat(MiniJson.object(Files.readString(dir.resolve("s1/summary.json")))).containsEntry("strategy_id", "s1");
        Map<String, Object> second = MiniJson.object(Files.readString(dir.resolve("s_2/summary.json")));
        assertThat(second).containsEntry("strategy_id", "s/2").containsEntry("strategy", "second");
        assertThat(dir.resolve("s_2/report.html")).isRegularFile();
        assertThat(dir.resolve("s_2/equity.csv")).isRegularFile();
    }

    @Test
    void shouldReportTheFailingPathWhenTheDirectoryCannotBeCreated() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> writer.write(ReportFixture.result(ReportFixture.winningRun("s1", "sma")), ReportFixture.info(Map.of()),
                blocker.resolve("out")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(blocker.toString());
    }

    @Test
    void shouldRefuseAResultWithoutStrategies() {
        BacktestResult empty = new BacktestResult(0, 0, 0, 0, 0, T0, T0 + HOUR, 0, List.of());

        assertThatThrownBy(() -> writer.write(empty, ReportFixture.info(Map.of()), dir)).isInstanceOf(IllegalArgumentException.class);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private static double number(Map<String, Object> json, String key) {
        return ((BigDecimal) json.get(key)).doubleValue();
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}

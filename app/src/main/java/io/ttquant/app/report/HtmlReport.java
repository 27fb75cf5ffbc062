package io.ttquant.app.report;

import io.ttquant.core.analytics.RoundTrip;
import io.ttquant.core.order.RejectReason;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code report.html}: one self-contained page (inline CSS, inline SVG charts, a few lines of
 * inline script for hover readouts) with the run's header, KPI strip, equity, drawdown and price
 * charts, monthly returns, the full statistics table, rejections and the last round trips.
 *
 * <p>It never references anything outside the page except the sibling CSV and JSON files it links
 * to by relative name (no CDN, fonts, images or remote scripts), and never writes caller text
 * without escaping it through {@link Html}. The page works with scripts disabled.
 */
final class HtmlReport {
    static final int LAST_TRADES = 50;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HtmlReport() {
    }

    static String render(ReportModel m) {
        StringBuilder sb = new StringBuilder(256 * 1024);
        RunInfo info = m.info;
        String title = m.strategyLabel + (info.symbols().isEmpty() ? "" : " · " + info.symbolText());
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.text("Backtest · " + title)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(sb, m);
        kpis(sb, m);
        section(sb, "equity", "Equity curve", ReportCharts.equity(m), null);
        section(sb, "drawdown", "Drawdown", ReportCharts.drawdown(m), "Fall below the running equity peak, as a percentage of the peak.");
        section(sb, "price", "Price and trades", ReportCharts.price(m),
                "Green ▲ at round-trip entries, red ▼ at exits, at the trips' average entry and exit prices.");
        monthly(sb, m);
        statistics(sb, m);
        rejections(sb, m);
        trades(sb, m);
        footer(sb, m);
        sb.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void header(StringBuilder sb, ReportModel m) {
        RunInfo info = m.info;
        sb.append("<header>\n<h1>").append(Html.text(m.strategyLabel));
        if (!info.symbols().isEmpty()) {
            sb.append(" <span class=\"sym\">").append(Html.text(info.symbolText())).append("</span>");
        }
        sb.append("</h1>\n<p class=\"period\">");
        if (m.hasPeriod) {
            sb.append(Html.text(ValueFormat.isoTime(m.startNanos))).append(" → ").append(Html.text(ValueFormat.isoTime(m.endNanos)))
                    .append(" <span class=\"muted\">(").append(Html.text(ValueFormat.duration(m.endNanos - m.startNanos))).append(")</span>");
        } else {
            sb.append("no market data processed");
        }
        sb.append("</p>\n<table class=\"meta\">\n");
        sb.append("<tr><th>Parameters</th><td>");
        if (info.parameters().isEmpty()) {
            sb.append("<span class=\"muted\">none</span>");
        }
        for (Map.Entry<String, String> e : info.parameters().entrySet()) {
            sb.append("<span class=\"chip\">").append(Html.text(e.getKey())).append(" = <b>").append(Html.text(e.getValue())).append("</b></span> ");
        }
        sb.append("</td></tr>\n");
        metaRow(sb, "Strategy id", m.strategy.strategyId());
        metaRow(sb, "Data", info.dataDescription());
        metaRow(sb, "Fill model", info.fillModel());
        sb.append("<tr><th>Command</th><td><code>").append(Html.text(info.commandLine())).append("</code></td></tr>\n");
        metaRow(sb, "Events", m.result.events() + " (bars " + m.result.bars() + ", trades " + m.result.trades()
                + ", quotes " + m.result.quotes() + ", book updates " + m.result.bookUpdates() + ", skipped rows " + m.result.skippedRows() + ")");
        metaRow(sb, "Equity samples", m.series.size() + " every " + ValueFormat.duration(m.series.intervalNanos())
                + (m.series.compactions() > 0 ? " (compacted " + m.series.compactions() + "×)" : ""));
        metaRow(sb, "Valuation asset", m.portfolio().valuationAsset());
        metaRow(sb, "Run time", (info.wallClockMillis() < 60_000
                ? ValueFormat.plain(info.wallClockMillis() / 1000.0, 3) + " s" : ValueFormat.duration(info.wallClockMillis() * 1_000_000L))
                + " wall clock");
        metaRow(sb, "Generated", info.generatedAt());
        sb.append("</table>\n</header>\n");
    }

    private static void metaRow(StringBuilder sb, String name, String value) {
        sb.append("<tr><th>").append(Html.text(name)).append("</th><td>").append(Html.text(value)).append("</td></tr>\n");
    }

    private static void kpis(StringBuilder sb, ReportModel m) {
        String ccy = " " + m.portfolio().valuationAsset();
        double ret = m.totalReturn();
        sb.append("<section class=\"kpis\">\n");
        kpi(sb, "Final equity", ValueFormat.grouped(ValueFormat.cents(m.strategy.finalEquity())) + ccy, signClass(ret),
                "Exact equity at the end of the run.");
        kpi(sb, "Total return", ValueFormat.percent(ret), signClass(ret), "Final equity / initial equity − 1.");
        kpi(sb, "CAGR", ValueFormat.percent(m.report.cagr()), signClass(m.report.cagr()),
                "Compound annual growth rate over the span of the curve (365-day year).");
        kpi(sb, "Sharpe", ValueFormat.human(m.report.sharpeRatio(), 2), signClass(m.report.sharpeRatio()),
                "Annualised Sharpe ratio, risk-free rate 0.");
        kpi(sb, "Sortino", ValueFormat.human(m.report.sortinoRatio(), 2), signClass(m.report.sortinoRatio()),
                "Annualised Sortino ratio, target 0.");
        kpi(sb, "Max drawdown", ValueFormat.percent(m.report.maxDrawdown()), m.report.maxDrawdown() > 0 ? "neg" : "",
                "Deepest fall below the running peak.");
        kpi(sb, "Win rate", ValueFormat.percent(m.report.winRate()), "", "Winning round trips / all round trips.");
        kpi(sb, "Profit factor", ValueFormat.human(m.report.profitFactor(), 2), "", "Gross profit / |gross loss|.");
        kpi(sb, "Trades", Integer.toString(m.strategy.roundTrips().size()), "", "Completed round trips.");
        kpi(sb, "Fees", ValueFormat.grouped(ValueFormat.cents(m.fees())) + ccy, "", "All fees paid, in the valuation asset.");
        sb.append("</section>\n");
    }

    private static String signClass(double v) {
        return v > 0 ? "pos" : v < 0 ? "neg" : "";
    }

    private static void kpi(StringBuilder sb, String name, String value, String cls, String definition) {
        sb.append("<div class=\"kpi\" title=\"").append(Html.attr(definition)).append("\"><div class=\"k\">").append(Html.text(name))
                .append("</div><div class=\"v ").append(cls).append("\">").append(Html.text(value)).append("</div></div>\n");
    }

    private static void section(StringBuilder sb, String id, String title, String svg, String note) {
        sb.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.text(title)).append("</h2>\n");
        if (note != null) {
            sb.append("<p class=\"note\">").append(Html.text(note)).append("</p>\n");
        }
        sb.append("<div class=\"chartbox\">").append(svg).append("</div>\n</section>\n");
    }

    private static void monthly(StringBuilder sb, ReportModel m) {
        MonthlyReturns mr = MonthlyReturns.of(m.series, m.report.initialEquity());
        sb.append("<section id=\"monthly\">\n<h2>Monthly returns</h2>\n");
        if (mr.isEmpty()) {
            sb.append("<p class=\"muted\">No equity samples.</p>\n</section>\n");
            return;
        }
        sb.append("<p class=\"note\">Equity return per calendar month (UTC), month-end sample over the previous month-end; "
                + "the first month starts from the initial equity.</p>\n");
        sb.append("<div class=\"scroll\"><table class=\"monthly\">\n<thead><tr><th>Year</th>");
        for (String mo : MONTHS) {
            sb.append("<th>").append(mo).append("</th>");
        }
        sb.append("<th>Year</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<Integer, double[]> e : mr.byYear().entrySet()) {
            sb.append("<tr><th>").append(e.getKey()).append("</th>");
            double[] row = e.getValue();
            for (int i = 0; i < 13; i++) {
                monthCell(sb, row[i], i == 12);
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n</section>\n");
    }

    private static void monthCell(StringBuilder sb, double r, boolean year) {
        sb.append("<td class=\"").append(year ? "yr " : "");
        if (!Double.isFinite(r)) {
            sb.append("na\"></td>");
            return;
        }
        double alpha = Math.min(1.0, Math.abs(r) / 0.10) * 0.55 + 0.08;
        String rgb = r > 0 ? "22,163,74" : r < 0 ? "220,38,38" : "120,120,120";
        sb.append(r > 0 ? "pos" : r < 0 ? "neg" : "").append("\" style=\"background:rgba(").append(rgb).append(',')
                .append(ValueFormat.plain(alpha, 2)).append(")\">").append(Html.text(ValueFormat.percent(r, 1))).append("</td>");
    }

    private static void statistics(StringBuilder sb, ReportModel m) {
        sb.append("<section id=\"statistics\">\n<h2>Statistics</h2>\n")
                .append("<p class=\"note\">— means undefined (not enough data), ∞ unbounded (a gain over zero risk or loss). "
                        + "summary.json writes both as null.</p>\n")
                .append("<table class=\"stats\">\n<thead><tr><th>Metric</th><th>Value</th><th>Definition</th></tr></thead>\n<tbody>\n");
        String group = null;
        for (MetricTable.Row r : MetricTable.rows(m)) {
            if (!r.group().equals(group)) {
                group = r.group();
                sb.append("<tr class=\"grp\"><th colspan=\"3\">").append(Html.text(group)).append("</th></tr>\n");
            }
            sb.append("<tr title=\"").append(Html.attr(r.definition())).append("\"><td>").append(Html.text(r.name()))
                    .append("</td><td class=\"num\">").append(Html.text(r.value())).append("</td><td class=\"def\">")
                    .append(Html.text(r.definition())).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n</section>\n");
    }

    private static void rejections(StringBuilder sb, ReportModel m) {
        if (m.rejections.isEmpty()) {
            return;
        }
        sb.append("<section id=\"rejections\">\n<h2>Rejections</h2>\n")
                .append("<table class=\"list\">\n<thead><tr><th>Reason</th><th>Code</th><th class=\"num\">Orders</th><th>Meaning</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<RejectReason, Long> e : m.rejections.entrySet()) {
            sb.append("<tr><td>").append(e.getKey().name()).append("</td><td>").append(e.getKey().code()).append("</td><td class=\"num\">")
                    .append(e.getValue()).append("</td><td>").append(Html.text(e.getKey().description())).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n</section>\n");
    }

    private static void trades(StringBuilder sb, ReportModel m) {
        List<RoundTrip> trips = m.strategy.roundTrips();
        int n = trips.size();
        int from = Math.max(0, n - LAST_TRADES);
        sb.append("<section id=\"trades\">\n<h2>").append(n > LAST_TRADES ? "Last " + LAST_TRADES + " round trips" : "Round trips").append("</h2>\n");
        if (n == 0) {
            sb.append("<p class=\"muted\">No completed round trips.</p>\n</section>\n");
            return;
        }
        if (n > LAST_TRADES) {
            sb.append("<p class=\"note\">Showing the last ").append(LAST_TRADES).append(" of ").append(n)
                    .append(" round trips; <a href=\"trades.csv\">trades.csv</a> has them all.</p>\n");
        }
        sb.append("<div class=\"scroll\"><table class=\"list\">\n<thead><tr><th class=\"num\">#</th><th>Side</th><th>Entry time</th>")
                .append("<th class=\"num\">Entry price</th><th>Exit time</th><th class=\"num\">Exit price</th><th class=\"num\">Qty</th>")
                .append("<th class=\"num\">PnL (net)</th><th class=\"num\">Fees</th><th class=\"num\">Held</th></tr></thead>\n<tbody>\n");
        for (int i = from; i < n; i++) {
            RoundTrip r = trips.get(i);
            sb.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>").append(r.side().name()).append("</td><td>")
                    .append(ValueFormat.isoTime(r.entryTimeNanos())).append("</td><td class=\"num\">")
                    .append(Html.text(ValueFormat.plain(r.entryPrice(), m.priceDecimals()))).append("</td><td>")
                    .append(ValueFormat.isoTime(r.exitTimeNanos())).append("</td><td class=\"num\">")
                    .append(Html.text(ValueFormat.plain(r.exitPrice(), m.priceDecimals()))).append("</td><td class=\"num\">")
                    .append(Html.text(ValueFormat.plain(r.qty(), m.qtyDecimals()))).append("</td><td class=\"num ")
                    .append(signClass(r.pnl())).append("\">").append(Html.text(ValueFormat.human(r.pnl(), 2))).append("</td><td class=\"num\">")
                    .append(Html.text(ValueFormat.human(r.fees(), 2))).append("</td><td class=\"num\">")
                    .append(Html.text(ValueFormat.duration(r.holdingNanos()))).append("</td></tr>\n");
        }
        sb.append("</tbody></table></div>\n</section>\n");
    }

    private static void footer(StringBuilder sb, ReportModel m) {
        sb.append("<footer>Files: <a href=\"summary.json\">summary.json</a> · <a href=\"trades.csv\">trades.csv</a> · ")
                .append("<a href=\"orders.csv\">orders.csv</a> · <a href=\"fills.csv\">fills.csv</a> · ")
                .append("<a href=\"equity.csv\">equity.csv</a>. Generated by TTQuant, ").append(Html.text(m.info.generatedAt()))
                .append(". Past performance in a simulation says little about the future.</footer>\n");
    }

    private static final String CSS = String.join("\n",
            ":root{--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f8fafc;--card:#fff;--pos:#15803d;--neg:#b91c1c;--eq:#2563eb}",
            "*{box-sizing:border-box}",
            "body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}",
            "main{max-width:1180px;margin:0 auto;padding:20px 16px 40px}",
            "h1{font-size:24px;margin:0 0 2px}h1 .sym{color:var(--muted);font-weight:500}",
            "h2{font-size:17px;margin:0 0 8px}",
            "header,section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:0 0 14px}",
            ".period{margin:0 0 10px;font-size:15px}.muted{color:var(--muted)}.note{color:var(--muted);font-size:12.5px;margin:-4px 0 8px}",
            "table{border-collapse:collapse}",
            ".meta th{text-align:left;color:var(--muted);font-weight:500;padding:2px 14px 2px 0;vertical-align:top;white-space:nowrap}",
            ".meta td{padding:2px 0;word-break:break-word}",
            "code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f5f9;padding:1px 4px;border-radius:4px;word-break:break-all}",
            ".chip{display:inline-block;background:#eef2ff;border-radius:4px;padding:0 6px;margin:1px 2px 1px 0;font-size:13px}",
            ".kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(185px,1fr));gap:8px;padding:10px}",
            ".kpi{border:1px solid var(--line);border-radius:6px;padding:8px 10px;cursor:help}",
            ".kpi .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.03em}",
            ".kpi .v{font-size:18px;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}",
            ".pos{color:var(--pos)}.neg{color:var(--neg)}",
            ".chartbox{width:100%}svg.chart{width:100%;height:auto;display:block;font-size:12px}",
            ".grid line{stroke:#eef0f3;stroke-width:1}.grid text{fill:var(--muted)}",
            ".yl{text-anchor:end}.xl{text-anchor:middle}.utc{text-anchor:end;font-size:10px;fill:var(--muted)}",
            ".frame{fill:none;stroke:#cbd5e1}",
            ".ln{fill:none;stroke-width:1.4;stroke-linejoin:round}.ln.eq{stroke:var(--eq)}.ln.dd{stroke:var(--neg)}.ln.px{stroke:#475569}",
            ".ar{stroke:none}.ar.eq{fill:rgba(37,99,235,.08)}.ar.dd{fill:rgba(220,38,38,.25)}",
            ".ref{stroke:#94a3b8;stroke-dasharray:4 4}.reflbl{fill:var(--muted);font-size:11px;text-anchor:end}",
            ".mk{stroke:#fff;stroke-width:.6}.mk.en{fill:#16a34a}.mk.ex{fill:#dc2626}",
            ".note{fill:var(--muted)}",
            ".hover line{stroke:#64748b;stroke-dasharray:3 3}.hover circle{fill:var(--fg)}.tipbg{fill:#111827;opacity:.85}.tip{fill:#fff;font-size:12px}",
            ".scroll{overflow-x:auto}",
            ".monthly th,.monthly td{padding:4px 7px;text-align:right;font-variant-numeric:tabular-nums;border:1px solid #fff;min-width:56px}",
            ".monthly thead th{color:var(--muted);font-weight:500}.monthly td.yr{font-weight:600}.monthly td.na{background:#f8fafc}",
            ".stats{width:100%}.stats td,.stats th{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}",
            ".stats tr.grp th{background:#f1f5f9;font-size:12.5px;text-transform:uppercase;letter-spacing:.03em;color:#334155}",
            ".stats td.def{color:var(--muted);font-size:12.5px}",
            ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
            ".list{width:100%}.list td,.list th{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}",
            ".list th.num,.list td.num{text-align:right}",
            "footer{color:var(--muted);font-size:12.5px;text-align:center;margin-top:18px}",
            "a{color:var(--eq)}",
            "@media print{body{background:#fff}section,header{break-inside:avoid}}");

    /** Hover readout on each chart: nearest drawn point's time and value. Progressive: the page works without it. */
    private static final String SCRIPT = String.join("\n",
            "(function(){",
            "function pad(n){return(n<10?'0':'')+n;}",
            "function ts(ms){var d=new Date(ms);return d.getUTCFullYear()+'-'+pad(d.getUTCMonth()+1)+'-'+pad(d.getUTCDate())+' '+pad(d.getUTCHours())+':'+pad(d.getUTCMinutes());}",
            "document.querySelectorAll('svg.chart').forEach(function(svg){",
            " var ln=svg.querySelector('polyline.ln');if(!ln)return;var ds=svg.dataset;",
            " var pts=ln.getAttribute('points').trim().split(' ').map(function(p){var a=p.split(',');return[+a[0],+a[1]];});",
            " var g=svg.querySelector('.hover'),vl=g.querySelector('line'),dot=g.querySelector('circle'),bg=g.querySelector('rect'),tx=g.querySelector('text');",
            " var x0=+ds.x0,x1=+ds.x1,y0=+ds.y0,y1=+ds.y1,t0=+ds.t0,t1=+ds.t1,v0=+ds.v0,v1=+ds.v1,dec=+ds.dec,vb=svg.viewBox.baseVal;",
            " svg.addEventListener('mousemove',function(e){",
            "  var r=svg.getBoundingClientRect();var x=(e.clientX-r.left)/r.width*vb.width;",
            "  var lo=0,hi=pts.length-1;while(lo<hi){var mid=(lo+hi)>>1;if(pts[mid][0]<x)lo=mid+1;else hi=mid;}",
            "  if(lo>0&&x-pts[lo-1][0]<pts[lo][0]-x)lo--;var p=pts[lo];",
            "  var t=t0+(p[0]-x0)/(x1-x0)*(t1-t0),v=v0+(p[1]-y0)/(y1-y0)*(v1-v0);",
            "  var s=ts(t)+'  '+(ds.fmt==='pct'?(v*100).toFixed(Math.max(dec,2))+' %':v.toFixed(dec));",
            "  g.style.display='';vl.setAttribute('x1',p[0]);vl.setAttribute('x2',p[0]);dot.setAttribute('cx',p[0]);dot.setAttribute('cy',p[1]);",
            "  tx.textContent=s;var w=s.length*6.6+12;var bx=p[0]+10+w>x1?p[0]-10-w:p[0]+10;",
            "  bg.setAttribute('x',bx);bg.setAttribute('y',y1+4);bg.setAttribute('width',w);tx.setAttribute('x',bx+6);tx.setAttribute('y',y1+18);",
            " });",
            " svg.addEventListener('mouseleave',function(){g.style.display='none';});",
            "});",
            "})();");
}

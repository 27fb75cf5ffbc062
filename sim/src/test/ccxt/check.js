// Runs ccxt's Binance client, unchanged but for its base URLs, against the TTQuant exchange
// simulator: usage `node check.js http://127.0.0.1:PORT API_KEY API_SECRET`.
// Prints one JSON object with what it saw; exits non-zero on the first failure.
'use strict';
const ccxt = require('ccxt');

function check(condition, what) {
    if (!condition) {
        throw new Error('check failed: ' + what);
    }
}

async function main() {
    const [base, apiKey, secret] = process.argv.slice(2);
    const wsBase = base.replace(/^http/, 'ws');
    const ex = new ccxt.pro.binance({
        apiKey,
        secret,
        enableRateLimit: false,
        options: {
            defaultType: 'spot',
            fetchMarkets: { types: ['spot'] },
            fetchCurrencies: false,
            fetchMargins: false,
        },
    });
    for (const key of Object.keys(ex.urls.api)) {
        if (typeof ex.urls.api[key] === 'string') {
            ex.urls.api[key] = base + '/unsupported/' + key;
        }
    }
    ex.urls.api.public = base + '/api/v3';
    ex.urls.api.private = base + '/api/v3';
    ex.urls.api.v1 = base + '/api/v1';
    ex.urls.api.ws = Object.assign({}, ex.urls.api.ws, { spot: wsBase + '/ws', margin: wsBase + '/ws' });

    const out = {};
    const markets = await ex.loadMarkets();
    out.markets = Object.keys(markets).sort();
    check(markets['BTC/USDT'] !== undefined, 'BTC/USDT market loaded');
    out.btcPrecision = markets['BTC/USDT'].precision;

    const book = await ex.fetchOrderBook('BTC/USDT', 20);
    check(book.bids.length > 0 && book.asks.length > 0, 'order book has both sides');
    check(book.bids[0][0] < book.asks[0][0], 'order book is not crossed');
    out.book = { bids: book.bids.length, asks: book.asks.length, bestBid: book.bids[0][0], bestAsk: book.asks[0][0], nonce: book.nonce };

    const trades = await ex.fetchTrades('BTC/USDT', undefined, 50);
    check(trades.length > 0, 'public trades');
    out.trades = trades.length;

    const ohlcv = await ex.fetchOHLCV('BTC/USDT', '1m', undefined, 10);
    check(ohlcv.length > 0 && ohlcv[0].length === 6, 'klines');
    out.ohlcv = ohlcv.length;

    const ticker = await ex.fetchTicker('BTC/USDT');
    check(ticker.last > 0, 'ticker');
    out.ticker = { last: ticker.last, bid: ticker.bid, ask: ticker.ask };

    const before = await ex.fetchBalance();
    out.balanceBefore = { USDT: before.USDT, BTC: before.BTC };

    const price = ex.priceToPrecision('BTC/USDT', book.bids[0][0] * 0.9);
    const order = await ex.createOrder('BTC/USDT', 'limit', 'buy', 0.01, price);
    check(order.id !== undefined && order.status === 'open', 'limit order open');
    const fetched = await ex.fetchOrder(order.id, 'BTC/USDT');
    check(fetched.id === order.id && fetched.status === 'open', 'order fetched');
    const open = await ex.fetchOpenOrders('BTC/USDT');
    check(open.some((o) => o.id === order.id), 'order among open orders');
    const canceled = await ex.cancelOrder(order.id, 'BTC/USDT');
    check(canceled.status === 'canceled', 'order canceled');
    out.limitOrder = { id: order.id, price: order.price, amount: order.amount, canceled: canceled.status };

    const market = await ex.createOrder('BTC/USDT', 'market', 'buy', 0.001);
    check(market.status === 'closed' && market.filled === 0.001, 'market order filled');
    out.marketOrder = { id: market.id, filled: market.filled, cost: market.cost, average: market.average, fee: market.fee };

    const after = await ex.fetchBalance();
    out.balanceAfter = { USDT: after.USDT, BTC: after.BTC };
    check(after.BTC.total > before.BTC.total, 'BTC balance grew after the market buy');

    const mine = await ex.fetchMyTrades('BTC/USDT');
    check(mine.some((t) => t.order === market.id), 'own trade listed');
    out.myTrades = mine.length;

    // ccxt refuses plain ws:// URLs until its http agent is loaded (it expects wss:// in production)
    await ex.loadHttpProxyAgent();
    const watchedBook = await ex.watchOrderBook('BTC/USDT');
    check(watchedBook.bids.length > 0 && watchedBook.asks.length > 0, 'streamed order book');
    const watchedBook2 = await ex.watchOrderBook('BTC/USDT');
    check(watchedBook2.bids[0][0] < watchedBook2.asks[0][0], 'streamed order book not crossed');
    out.watchedBook = { bids: watchedBook2.bids.length, asks: watchedBook2.asks.length, nonce: watchedBook2.nonce };

    const watchedTrades = await ex.watchTrades('BTC/USDT');
    check(watchedTrades.length > 0, 'streamed trades');
    out.watchedTrades = watchedTrades.length;

    await ex.close();
    console.log(JSON.stringify(out));
}

main().then(() => process.exit(0), (e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
});

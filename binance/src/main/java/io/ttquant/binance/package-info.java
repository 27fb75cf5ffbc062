package io.ttquant.binance;

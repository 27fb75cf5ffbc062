/**
 * Binance spot user data stream, the "what happened to my orders" half of the venue adapter:
 * {@link io.ttquant.binance.userdata.ListenKeyClient} creates, keeps alive and deletes listen keys
 * over REST; {@link io.ttquant.binance.userdata.UserDataStream} keeps {@code /ws/<listenKey>}
 * connected on one Netty event loop (keepalives on schedule, new keys when the old one expires or
 * is refused, reconnects with backoff, pongs, silence detection) and tells its
 * {@link io.ttquant.binance.userdata.UserDataListener} when events may have been missed;
 * {@link io.ttquant.binance.userdata.UserDataDecoder} turns {@code executionReport},
 * {@code outboundAccountPosition}, {@code balanceUpdate} and {@code listenKeyExpired} messages into
 * reused fixed-point event objects, counting and skipping everything else.
 */
package io.ttquant.binance.userdata;

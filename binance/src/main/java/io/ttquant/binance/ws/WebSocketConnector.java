package io.ttquant.binance.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.ttquant.binance.BinanceEndpoints;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Opens {@link WebSocketConnection}s to the WebSocket host of one {@link BinanceEndpoints} on one
 * Netty event loop: TCP with {@code TCP_NODELAY} and a connect timeout, TLS for {@code wss}
 * (verifying the host name), the HTTP codec and aggregator the handshake needs, and the connection
 * itself at the end of the pipeline.
 *
 * <p>Used on the event loop by its {@link WebSocketClient}; never blocks, and a failed connect is
 * reported through the connection (ended with {@link WebSocketConnection.Failure#CONNECT_FAILED}).
 */
final class WebSocketConnector {
    private final EventLoop loop;
    private final String host;
    private final int port;
    private final SslContext ssl;
    private final int connectTimeoutMillis;

    /** A connector to {@code endpoints}' WebSocket host on {@code loop}; the TCP connect times out after {@code connectTimeoutNanos}. */
    WebSocketConnector(BinanceEndpoints endpoints, EventLoop loop, long connectTimeoutNanos) {
        this.loop = loop;
        this.host = endpoints.ws().getHost();
        this.port = endpoints.wsPort();
        this.ssl = endpoints.wsSecure() ? clientSsl() : null;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(connectTimeoutNanos));
    }

    private static SslContext clientSsl() {
        try {
            return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).endpointIdentificationAlgorithm("HTTPS").build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for wss: " + e.getMessage(), e);
        }
    }

    /** Starts connecting {@code c}; the connection reports the rest to its client. */
    void connect(WebSocketConnection<?, ?> c) {
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (ssl != null) {
                            p.addLast("tls", ssl.newHandler(ch.alloc(), host, port));
                        }
                        p.addLast("http-codec", new HttpClientCodec());
                        p.addLast("http-aggregator", new HttpObjectAggregator(64 * 1024));
                        p.addLast("binance-ws", c);
                    }
                });
        ChannelFuture f = b.connect(host, port);
        c.connecting(f.channel());
        f.addListener(done -> {
            if (!done.isSuccess()) {
                c.connectFailed(host, port, done.cause());
            }
        });
    }
}

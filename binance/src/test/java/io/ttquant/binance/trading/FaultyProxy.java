package io.ttquant.binance.trading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on 127.0.0.1 in front of the simulator that passes requests through and can lose the
 * next answer after the server has processed the request: reset the client's connection, or
 * swallow the answer and leave the connection open (the client times out). What a flaky network
 * does to a request that did reach the venue.
 */
final class FaultyProxy implements AutoCloseable {
    /** What happens to the next answer. */
    enum Fault {
        NONE,
        RESET_NEXT_ANSWER,
        SWALLOW_NEXT_ANSWER
    }

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicReference<Fault> next = new AtomicReference<>(Fault.NONE);
    private final AtomicInteger answersLost = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    FaultyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void loseNextAnswer(Fault f) {
        next.set(f);
    }

    int answersLost() {
        return answersLost.get();
    }

    private void accept() {
        try {
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                start(() -> pump(client, upstream, false));
                start(() -> pump(upstream, client, true));
            }
        } catch (IOException closed) {
            // the proxy is closed
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "faulty-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to, boolean answers) {
        byte[] buf = new byte[16384];
        boolean swallowing = false;
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                if (answers && !swallowing) {
                    Fault f = next.getAndSet(Fault.NONE);
                    if (f == Fault.RESET_NEXT_ANSWER) {
                        answersLost.incrementAndGet();
                        to.setSoLinger(true, 0);
                        to.close();
                        from.close();
                        return;
                    }
                    if (f == Fault.SWALLOW_NEXT_ANSWER) {
                        answersLost.incrementAndGet();
                        swallowing = true;
                    }
                }
                if (!swallowing) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}

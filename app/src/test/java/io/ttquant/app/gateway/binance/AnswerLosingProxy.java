package io.ttquant.app.gateway.binance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of the simulator's REST port that passes everything through,
 * counts the new-order requests ({@code POST /api/v3/order}) it forwards, and, when armed, lets the
 * next new order (or cancel, {@code DELETE /api/v3/order}) reach the simulator but resets the
 * client's connection instead of returning the answer: a request the venue processed whose answer
 * the network lost.
 */
final class AnswerLosingProxy implements AutoCloseable {
    private static final byte[] NEW_ORDER = "POST /api/v3/order ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CANCEL = "DELETE /api/v3/order?".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean cancelArmed = new AtomicBoolean();
    private final AtomicInteger newOrders = new AtomicInteger();
    private final AtomicInteger answersLost = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    AnswerLosingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "answer-losing-proxy-accept");
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The answer to the next new order is lost (the order itself goes through). */
    void loseNextNewOrderAnswer() {
        armed.set(true);
    }

    /** The answer to the next cancel is lost (the cancel itself goes through). */
    void loseNextCancelAnswer() {
        cancelArmed.set(true);
    }

    /** New-order requests forwarded to the simulator. */
    int newOrders() {
        return newOrders.get();
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
                AtomicBoolean loseAnswer = new AtomicBoolean();
                daemon(() -> requests(client, upstream, loseAnswer), "answer-losing-proxy-up");
                daemon(() -> answers(upstream, client, loseAnswer), "answer-losing-proxy-down");
            }
        } catch (IOException closed) {
            // the proxy is closed
        }
    }

    private void requests(Socket client, Socket upstream, AtomicBoolean loseAnswer) {
        byte[] buf = new byte[16384];
        try (InputStream in = client.getInputStream()) {
            OutputStream out = upstream.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                if (contains(buf, n, NEW_ORDER)) {
                    newOrders.incrementAndGet();
                    if (armed.compareAndSet(true, false)) {
                        loseAnswer.set(true);
                    }
                } else if (contains(buf, n, CANCEL) && cancelArmed.compareAndSet(true, false)) {
                    loseAnswer.set(true);
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            close(upstream);
            close(client);
        }
    }

    private void answers(Socket upstream, Socket client, AtomicBoolean loseAnswer) {
        byte[] buf = new byte[16384];
        try (InputStream in = upstream.getInputStream()) {
            OutputStream out = client.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                if (loseAnswer.get()) {
                    answersLost.incrementAndGet();
                    client.setSoLinger(true, 0);
                    return;
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            close(client);
            close(upstream);
        }
    }

    private static boolean contains(byte[] buf, int n, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= n; i++) {
            for (int j = 0; j < what.length; j++) {
                if (buf[i + j] != what[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
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
            close(s);
        }
    }
}

package io.ttquant.transport.zmq;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeromq.ZMQ;

/**
 * Checks and binds ZeroMQ endpoint texts: {@code tcp://host:port} with port 0 or {@code *} meaning
 * "any free port", and other transports ({@code inproc://}, {@code ipc://}) as given.
 * It keeps no state.
 */
final class ZmqEndpoints {
    private static final Pattern TCP = Pattern.compile("tcp://([^:/]+|\\[[0-9a-fA-F:]+]):(\\*|[0-9]{1,5})");
    private static final Pattern OTHER = Pattern.compile("(inproc|ipc)://.+");

    private ZmqEndpoints() {
    }

    static void check(String endpoint) {
        if (endpoint == null) {
            throw new IllegalArgumentException("endpoint is required");
        }
        Matcher m = TCP.matcher(endpoint);
        if (m.matches()) {
            if (!m.group(2).equals("*") && Integer.parseInt(m.group(2)) > 65_535) {
                throw new IllegalArgumentException("port out of range in " + endpoint);
            }
            return;
        }
        if (!OTHER.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("endpoint must be tcp://host:port, inproc://name or ipc://path: " + endpoint);
        }
    }

    /** Binds {@code socket}; returns the TCP port bound (a free one for port 0 or *), or -1 for other transports. */
    static int bind(ZMQ.Socket socket, String endpoint) {
        Matcher m = TCP.matcher(endpoint);
        if (!m.matches()) {
            if (!socket.bind(endpoint)) {
                throw new IllegalArgumentException("bind refused");
            }
            return -1;
        }
        String port = m.group(2);
        if (port.equals("*") || Integer.parseInt(port) == 0) {
            return socket.bindToRandomPort("tcp://" + m.group(1));
        }
        if (!socket.bind(endpoint)) {
            throw new IllegalArgumentException("bind refused");
        }
        return Integer.parseInt(port);
    }

    /** The endpoint a process on this host connects to, with the bound port and a wildcard host made local. */
    static String connectable(String endpoint, int port) {
        Matcher m = TCP.matcher(endpoint);
        if (!m.matches()) {
            return endpoint;
        }
        String host = m.group(1);
        if (host.equals("*") || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "tcp://" + host + ":" + port;
    }
}

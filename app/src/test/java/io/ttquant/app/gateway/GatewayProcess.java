package io.ttquant.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A {@code ttquant gateway} started as a child JVM on the test classpath, for the kill-and-restart
 * tests: its output lines collected on a reader thread, its order and execution endpoints read from
 * its start-up banner, and the test's PUSH socket to the first and SUB socket (all of
 * {@code exec.*}) to the second. The test kills it with {@code process.destroyForcibly()} (SIGKILL).
 */
public final class GatewayProcess {
    private static final Pattern ORDERS = Pattern.compile("^\\s*orders\\s+(tcp://\\S+)");
    private static final Pattern EXECUTIONS = Pattern.compile("^\\s*executions\\s+(tcp://\\S+)");

    public final Process process;
    /** Lines not yet read by the test ("EOF" once the child's output ended). */
    public final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** Lines the start-up read. */
    public final List<String> output = new ArrayList<>();
    public final ZMQ.Socket push;
    public final ZMQ.Socket sub;

    /** Starts {@code ttquant <args>} with {@code env} added to the environment and waits (up to {@code deadlineNanos}) for its endpoints. */
    public GatewayProcess(List<String> args, Map<String, String> env, ZContext zmq, long deadlineNanos) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        process = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception e) {
                lines.add("READ FAILED " + e);
            }
            lines.add("EOF");
        });
        reader.setDaemon(true);
        reader.start();
        String orders = null;
        String executions = null;
        long deadline = System.nanoTime() + deadlineNanos;
        while (orders == null || executions == null) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(line).as("the gateway child starts; it said %s", output).isNotNull().isNotEqualTo("EOF");
            output.add(line);
            Matcher m = ORDERS.matcher(line);
            if (m.find()) {
                orders = m.group(1);
            }
            m = EXECUTIONS.matcher(line);
            if (m.find()) {
                executions = m.group(1);
            }
        }
        push = zmq.createSocket(SocketType.PUSH);
        push.setLinger(0);
        push.connect(orders);
        sub = zmq.createSocket(SocketType.SUB);
        sub.setLinger(0);
        sub.setReceiveTimeOut(1);
        sub.subscribe("exec.".getBytes(StandardCharsets.US_ASCII));
        sub.connect(executions);
    }
}

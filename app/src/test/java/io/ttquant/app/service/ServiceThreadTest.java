package io.ttquant.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.app.ServiceStartException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A service's own thread: start returns once the body is ready, a body failing before that is a
 * one-line start error naming the service, and stop ends the loop and waits for the thread.
 */
class ServiceThreadTest {

    @Test
    void shouldReturnFromStartOnceReadyAndEndTheLoopOnStop() {
        AtomicReference<ServiceThread> ref = new AtomicReference<>();
        ServiceThread t = new ServiceThread("test-service", "test service", () -> {
            ServiceThread self = ref.get();
            self.ready();
            while (self.running()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            self.stopped();
        });
        ref.set(t);
        t.start(10);
        assertThat(t.isRunning()).isTrue();
        t.stop();
        assertThat(t.isRunning()).isFalse();
    }

    @Test
    void shouldTurnAFailureBeforeReadyIntoOneLineNamingTheService() {
        AtomicReference<ServiceThread> ref = new AtomicReference<>();
        ServiceThread t = new ServiceThread("test-service", "test service", () -> {
            ServiceThread self = ref.get();
            try {
                throw new IllegalStateException("port 7101 in use");
            } catch (RuntimeException e) {
                assertThat(self.failStart(e)).isTrue();
            } finally {
                self.stopped();
            }
        });
        ref.set(t);
        assertThatThrownBy(() -> t.start(10)).isInstanceOf(ServiceStartException.class)
                .hasMessage("test service did not start: port 7101 in use");
        t.stop();
        assertThat(t.isRunning()).isFalse();
    }

    @Test
    void shouldKeepAStartExceptionAsItIs() {
        ServiceThread t = new ServiceThread("test-service", "test service", () -> { });
        ServiceStartException own = new ServiceStartException("metrics port 9103 in use", null);
        assertThat(t.startFailure(own)).isSameAs(own);
    }

    @Test
    void shouldRunATaskOnlyWhenAskedAndCompleteItsResultOrError() {
        ServiceTask<StringBuilder, Integer> ok = new ServiceTask<>(StringBuilder::length);
        ServiceTask<StringBuilder, Integer> bad = new ServiceTask<>(sb -> {
            throw new IllegalArgumentException("no");
        });
        assertThat(ok.result()).isNotDone();
        ok.run(new StringBuilder("abc"));
        bad.run(new StringBuilder());
        assertThat(ok.result()).isCompletedWithValue(3);
        assertThat(bad.result()).isCompletedExceptionally();
    }
}

package io.ttquant.app;

/**
 * A service could not start for a reason outside the program: a venue that does not answer, a
 * port in use, a file that cannot be read. The message says what and why in one line; the command
 * line prints it without a stack trace and exits 1. Never used for bugs.
 */
public final class ServiceStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

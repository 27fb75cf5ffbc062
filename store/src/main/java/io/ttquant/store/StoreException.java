package io.ttquant.store;

/**
 * A store operation failed. {@link #retryable()} says whether trying again later can succeed (the
 * database is unreachable, a connection broke, a serialization conflict) or not (a constraint or
 * schema problem: a bug or bad configuration). Writers retry the first kind with back-off and
 * count and report the second.
 */
public final class StoreException extends RuntimeException {
    private final boolean retryable;

    public StoreException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}

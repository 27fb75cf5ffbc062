package io.ttquant.store.writer;

/**
 * Where the recorder's writer says what happened (drops starting and stopping, failures, retries,
 * shutdown), and the retention job what it deleted: the {@code System.Logger} in production, a
 * list in tests. Called on the writer thread (or the closing thread), never on the feed thread.
 */
interface RecorderLog {
    RecorderLog SYSTEM = of(System.getLogger(MarketDataRecorder.class.getName()));

    void info(String message);

    void warn(String message);

    /** Writes to a {@code System.Logger} at INFO and WARNING. */
    static RecorderLog of(System.Logger log) {
        return new RecorderLog() {
            @Override
            public void info(String message) {
                log.log(System.Logger.Level.INFO, message);
            }

            @Override
            public void warn(String message) {
                log.log(System.Logger.Level.WARNING, message);
            }
        };
    }
}

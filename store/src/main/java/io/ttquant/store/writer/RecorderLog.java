package io.ttquant.store.writer;

/**
 * Where the recorder's writer says what happened (drops starting and stopping, failures, retries,
 * shutdown): the {@code System.Logger} in production, a list in tests. Called on the writer thread
 * (or the closing thread), never on the feed thread.
 */
interface RecorderLog {
    RecorderLog SYSTEM = new RecorderLog() {
        private final System.Logger log = System.getLogger(MarketDataRecorder.class.getName());

        @Override
        public void info(String message) {
            log.log(System.Logger.Level.INFO, message);
        }

        @Override
        public void warn(String message) {
            log.log(System.Logger.Level.WARNING, message);
        }
    };

    void info(String message);

    void warn(String message);
}

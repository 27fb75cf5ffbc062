package io.ttquant.app.gateway;

/** Test sink that counts events and their bytes without keeping them: allocates nothing. */
final class CountingSink implements ExecutionSink {
    long events;
    long bytes;

    @Override
    public void onExecution(int strategy, byte[] name, int nameOffset, int nameLength, byte[] frame, int offset, int length) {
        events++;
        bytes += length;
    }
}

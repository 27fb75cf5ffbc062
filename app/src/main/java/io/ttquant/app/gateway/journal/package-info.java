/**
 * The order gateway's write-ahead journal and the state recovered from it.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * JournalRecovery rec = OrderJournal.open(JournalConfig.builder(dir).build());
 * if (!rec.ok()) { refuse to trade: rec.error().describe() }
 * RecoveredState state = rec.state();     // open orders, positions, applied fills, next id, ...
 * OrderJournal journal = rec.journal();   // append from the gateway's thread
 * long p = journal.appendSubmitted(now, order, venue);   // before the order leaves (synced by default)
 * if (p == OrderJournal.FAILED) { refuse to trade: journal.failure().describe() }
 * ...
 * journal.appendShutdown(now); journal.close();
 * }</pre>
 *
 * <h2>Files</h2>
 * One directory: segments {@code <20-digit index>.seg} (the newest is appended to), snapshots
 * {@code <index>.snap} (the whole state after segment {@code index}, replacing every segment up to
 * it) and {@code *.tmp} (a file being created; never read, deleted at open). Every file starts
 * with a 32-byte header: magic {@code TTQJ}, format version, kind, index, the journal position
 * of its first record, CRC32C. Files are created under a temporary name, synced and renamed, so a
 * header is never torn. Then records, little endian:
 * <pre>
 *   int32  body length (0..4096)
 *   int16  record type ({@link io.ttquant.app.gateway.journal.RecordType} code)
 *   body   fixed fields of the type, then texts as (uint8 length, ASCII bytes)
 *   int32  CRC32C over type and body
 * </pre>
 * A journal position counts record bytes since the journal began, across segments; append returns
 * the position after the record and {@code syncedPosition()} how far is on disk.
 *
 * <h2>Recovery</h2>
 * Replay reads the newest snapshot, then each later segment in order. A bad record at the end of
 * the newest segment is the tail of a write a crash cut short and is cut off (counted in
 * {@link io.ttquant.app.gateway.journal.JournalRecovery#truncatedBytes()} and logged); anywhere
 * else it is corruption and the journal is not opened. Every record is checked against the state
 * built so far (ids never reused, fills only for journaled orders and within their quantity, one
 * open order per client id): a contradiction also refuses the journal. Nothing is ever skipped
 * silently.
 *
 * <h2>Compaction</h2>
 * When a segment reaches its size it is synced and closed and a new one starts; the compactor
 * replays the closed segments into a {@link io.ttquant.app.gateway.journal.RecoveredState}, writes
 * it as a snapshot and then deletes what the snapshot replaces. The snapshot holds open orders,
 * terminal orders and fill ids inside the idempotency window, all positions, strategy states,
 * each strategy's latest trading day for the daily-loss limit and the kill switch, so disk use is bounded by the segment size and that state, however many orders
 * went through. The snapshot is rewritten at every roll, so segments should be large next to it
 * (64 MiB by default).
 */
package io.ttquant.app.gateway.journal;

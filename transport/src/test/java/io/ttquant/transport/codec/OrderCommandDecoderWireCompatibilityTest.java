package io.ttquant.transport.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.ReplaceOrder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The flyweight decoder and protobuf-java's parser agree on every frame: valid commands of every
 * kind with extreme values, and hundreds of thousands of truncated, mutated, concatenated and
 * random frames. Agreement means the same verdict (protobuf-java throws exactly when the decoder
 * says MALFORMED) and, for frames both accept, the same value in every field.
 */
class OrderCommandDecoderWireCompatibilityTest {
    private static final int MUTATIONS = 200_000;

    private final OrderCommandDecoder decoder = new OrderCommandDecoder();

    @Test
    void shouldReadEveryFieldOfEachCommandKindAsTheGeneratedParserDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            OrderCommand cmd = randomCommand(random);
            byte[] bytes = cmd.toByteArray();
            byte[] shifted = new byte[bytes.length + 5];
            System.arraycopy(bytes, 0, shifted, 5, bytes.length);
            assertThat(decoder.decode(shifted, 5, bytes.length)).isEqualTo(DecodeOutcome.OK);
            assertSameCommand(cmd);
        }
    }

    @Test
    void shouldReadExtremeValuesAndEmptyCommands() {
        OrderCommand[] commands = {
            OrderCommand.getDefaultInstance(),
            OrderCommand.newBuilder().setSequence(-1).setSendTimeNs(Long.MIN_VALUE).build(),
            OrderCommand.newBuilder().setNewOrder(NewOrder.getDefaultInstance()).build(),
            OrderCommand.newBuilder().setCancelOrder(CancelOrder.getDefaultInstance()).build(),
            OrderCommand.newBuilder().setReplaceOrder(ReplaceOrder.getDefaultInstance()).build(),
            OrderCommand.newBuilder().setNewOrder(NewOrder.newBuilder().setPrice(Long.MIN_VALUE).setStopPrice(-1)
                    .setQuantity(Long.MAX_VALUE).setPriceScale(-1).setQtyScale(Integer.MIN_VALUE).setSideValue(-7)
                    .setTypeValue(Integer.MAX_VALUE).setTimeInForceValue(99).setReduceOnly(true).setCreateTimeNs(-1)
                    .setClientOrderId("ü€😀").setStrategy("x".repeat(300)).setVenue("paper").setSymbol("BTCUSDT")).build(),
            OrderCommand.newBuilder().setCancelOrder(CancelOrder.newBuilder().setOrderId(Long.MIN_VALUE)
                    .setCreateTimeNs(Long.MAX_VALUE).setClientOrderId("c")).build(),
            OrderCommand.newBuilder().setReplaceOrder(ReplaceOrder.newBuilder().setPrice(-5).setQuantity(0)
                    .setOrigClientOrderId("o").setClientOrderId("n").setPriceScale(Integer.MAX_VALUE)).build(),
        };
        for (OrderCommand cmd : commands) {
            byte[] bytes = cmd.toByteArray();
            assertThat(decoder.decode(bytes, 0, bytes.length)).isEqualTo(DecodeOutcome.OK);
            assertSameCommand(cmd);
        }
    }

    @Test
    void shouldMergeRepeatedCommandsOfOneKindAndLetTheKindReadLastWin() throws Exception {
        byte[] first = OrderCommand.newBuilder().setNewOrder(NewOrder.newBuilder().setClientOrderId("a").setPrice(5)
                .setQuantity(7)).build().toByteArray();
        byte[] second = OrderCommand.newBuilder().setSequence(3).setNewOrder(NewOrder.newBuilder().setPrice(9)
                .setSymbol("ETHUSDT")).build().toByteArray();
        byte[] cancel = OrderCommand.newBuilder().setCancelOrder(CancelOrder.newBuilder().setOrderId(4)).build().toByteArray();

        expectSameVerdict(concat(first, second));
        assertThat(decoder.clientOrderId().toString()).isEqualTo("a");
        assertThat(decoder.price()).isEqualTo(9);
        assertThat(decoder.quantity()).isEqualTo(7);

        expectSameVerdict(concat(first, cancel));
        assertThat(decoder.commandCase()).isEqualTo(OrderCommand.CommandCase.CANCEL_ORDER);
        assertThat(decoder.clientOrderId().isEmpty()).isTrue();

        // protobuf-java keeps the first new order through the cancel and merges the second into it
        expectSameVerdict(concat(first, cancel, second));
        assertThat(decoder.commandCase()).isEqualTo(OrderCommand.CommandCase.NEW_ORDER);
        assertThat(decoder.quantity()).isEqualTo(7);
        assertThat(decoder.price()).isEqualTo(9);
    }

    @Test
    void shouldSkipUnknownFieldsGroupsAndKnownFieldsWithAnotherWireType() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(out);
        c.writeUInt64(1, 42);
        c.writeString(3, "unknown top-level field");
        c.writeFixed32(4, 7);
        c.writeTag(5, 3); // a group with a nested group
        c.writeInt32(1, 1);
        c.writeTag(2, 3);
        c.writeTag(2, 4);
        c.writeTag(5, 4);
        c.writeFixed64(1, 99); // sequence with the wrong wire type: unknown
        NewOrder order = NewOrder.newBuilder().setClientOrderId("k").setQuantity(3).build();
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        CodedOutputStream ci = CodedOutputStream.newInstance(inner);
        order.writeTo(ci);
        ci.writeString(10, "quantity as a string: unknown");
        ci.writeUInt64(99, 1);
        ci.flush();
        c.writeByteArray(10, inner.toByteArray());
        c.flush();

        OrderCommand parsed = expectSameVerdict(out.toByteArray());
        assertThat(parsed).isNotNull();
        assertThat(decoder.sequence()).isEqualTo(42);
        assertThat(decoder.quantity()).isEqualTo(3);
        assertThat(decoder.clientOrderId().toString()).isEqualTo("k");
    }

    @Test
    void shouldRefuseInvalidUtf8InStringsAndCountIt() throws Exception {
        byte[] bytes = OrderCommand.newBuilder().setNewOrder(NewOrder.newBuilder().setStrategy("ab")).build().toByteArray();
        int at = indexOf(bytes, "ab".getBytes(StandardCharsets.US_ASCII));
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0}, {(byte) 0xFF, 'a'}}) {
            byte[] copy = bytes.clone();
            copy[at] = bad[0];
            copy[at + 1] = bad[1];
            long before = decoder.malformed();
            assertThat(expectSameVerdict(copy)).isNull();
            assertThat(decoder.malformed()).isEqualTo(before + 1);
            assertThat(decoder.commandCase()).isEqualTo(OrderCommand.CommandCase.COMMAND_NOT_SET);
        }
    }

    @Test
    void shouldAgreeWithTheGeneratedParserOnTruncatedMutatedAndRandomFrames() throws Exception {
        SplittableRandom random = new SplittableRandom(20_261_125L);
        int malformed = 0;
        int accepted = 0;
        for (int n = 0; n < MUTATIONS; n++) {
            byte[] frame = mutate(randomCommand(random).toByteArray(), random);
            if (expectSameVerdict(frame) == null) {
                malformed++;
            } else {
                accepted++;
            }
        }
        // Both verdicts must be well represented, or the comparison proves little.
        assertThat(malformed).isGreaterThan(MUTATIONS / 10);
        assertThat(accepted).isGreaterThan(MUTATIONS / 10);
    }

    /** Decodes with both parsers and compares; returns the generated parser's message, null when both refused it. */
    private OrderCommand expectSameVerdict(byte[] frame) throws Exception {
        OrderCommand expected;
        try {
            expected = OrderCommand.parseFrom(frame);
        } catch (InvalidProtocolBufferException e) {
            expected = null;
        }
        DecodeOutcome outcome = decoder.decode(frame, 0, frame.length);
        if (outcome != (expected == null ? DecodeOutcome.MALFORMED : DecodeOutcome.OK)) {
            throw new AssertionError(outcome + " for " + Arrays.toString(frame) + ", protobuf-java read " + expected);
        }
        if (expected != null && !hasTenByteVarintWithHighBits(frame)) {
            assertSameCommand(expected);
        }
        return expected;
    }

    /**
     * Whether the frame may hold a ten-byte varint whose last byte is not 1: the
     * decoder keeps bit 63 from it as the protobuf spec says, while protobuf-java's fast path ignores
     * that byte's bits (and its slow path does not), so only the verdict is compared for such frames.
     */
    private static boolean hasTenByteVarintWithHighBits(byte[] frame) {
        int run = 0;
        for (byte b : frame) {
            if (b < 0) {
                run++;
            } else {
                if (run >= 9 && b != 1) {
                    return true;
                }
                run = 0;
            }
        }
        return false;
    }

    private void assertSameCommand(OrderCommand cmd) {
        OrderCommandDecoder d = decoder;
        assertThat(d.commandCase()).isEqualTo(cmd.getCommandCase());
        assertThat(d.sequence()).isEqualTo(cmd.getSequence());
        assertThat(d.sendTimeNanos()).isEqualTo(cmd.getSendTimeNs());
        switch (cmd.getCommandCase()) {
            case NEW_ORDER: {
                NewOrder m = cmd.getNewOrder();
                assertStrings(new String[] {m.getClientOrderId(), "", m.getStrategy(), m.getVenue(), m.getSymbol()});
                assertThat(new long[] {d.side(), d.type(), d.timeInForce(), d.price(), d.stopPrice(), d.quantity(),
                        d.priceScale(), d.qtyScale(), d.createTimeNanos(), d.orderId()})
                        .containsExactly(m.getSideValue(), m.getTypeValue(), m.getTimeInForceValue(), m.getPrice(),
                                m.getStopPrice(), m.getQuantity(), m.getPriceScale(), m.getQtyScale(), m.getCreateTimeNs(), 0);
                assertThat(d.reduceOnly()).isEqualTo(m.getReduceOnly());
                break;
            }
            case CANCEL_ORDER: {
                CancelOrder m = cmd.getCancelOrder();
                assertStrings(new String[] {m.getClientOrderId(), "", m.getStrategy(), m.getVenue(), m.getSymbol()});
                assertThat(new long[] {d.orderId(), d.createTimeNanos(), d.price(), d.quantity(), d.side()})
                        .containsExactly(m.getOrderId(), m.getCreateTimeNs(), 0, 0, 0);
                break;
            }
            case REPLACE_ORDER: {
                ReplaceOrder m = cmd.getReplaceOrder();
                assertStrings(new String[] {m.getClientOrderId(), m.getOrigClientOrderId(), m.getStrategy(), m.getVenue(),
                        m.getSymbol()});
                assertThat(new long[] {d.price(), d.quantity(), d.priceScale(), d.qtyScale(), d.createTimeNanos(), d.orderId()})
                        .containsExactly(m.getPrice(), m.getQuantity(), m.getPriceScale(), m.getQtyScale(),
                                m.getCreateTimeNs(), 0);
                break;
            }
            default:
                assertStrings(new String[] {"", "", "", "", ""});
        }
    }

    private void assertStrings(String[] expected) {
        OrderCommandDecoder d = decoder;
        assertThat(new String[] {d.clientOrderId().toString(), d.origClientOrderId().toString(), d.strategy().toString(),
                d.venue().toString(), d.symbol().toString()}).containsExactly(expected);
    }

    static OrderCommand randomCommand(SplittableRandom random) {
        OrderCommand.Builder b = OrderCommand.newBuilder();
        if (random.nextBoolean()) {
            b.setSequence(randomLong(random));
        }
        if (random.nextBoolean()) {
            b.setSendTimeNs(randomLong(random));
        }
        switch (random.nextInt(4)) {
            case 0:
                b.setNewOrder(NewOrder.newBuilder().setClientOrderId(randomString(random)).setStrategy(randomString(random))
                        .setVenue(randomString(random)).setSymbol(randomString(random)).setSideValue(randomInt(random))
                        .setTypeValue(randomInt(random)).setTimeInForceValue(randomInt(random)).setPrice(randomLong(random))
                        .setStopPrice(randomLong(random)).setQuantity(randomLong(random)).setPriceScale(randomInt(random))
                        .setQtyScale(randomInt(random)).setReduceOnly(random.nextBoolean()).setCreateTimeNs(randomLong(random)));
                break;
            case 1:
                b.setCancelOrder(CancelOrder.newBuilder().setClientOrderId(randomString(random)).setStrategy(randomString(random))
                        .setVenue(randomString(random)).setSymbol(randomString(random)).setOrderId(randomLong(random))
                        .setCreateTimeNs(randomLong(random)));
                break;
            case 2:
                b.setReplaceOrder(ReplaceOrder.newBuilder().setClientOrderId(randomString(random))
                        .setOrigClientOrderId(randomString(random)).setStrategy(randomString(random))
                        .setVenue(randomString(random)).setSymbol(randomString(random)).setPrice(randomLong(random))
                        .setQuantity(randomLong(random)).setPriceScale(randomInt(random)).setQtyScale(randomInt(random))
                        .setCreateTimeNs(randomLong(random)));
                break;
            default:
                break;
        }
        return b.build();
    }

    /** One of: truncation, byte flips, inserted garbage, a second frame appended, or plain random bytes. */
    static byte[] mutate(byte[] frame, SplittableRandom random) {
        switch (random.nextInt(6)) {
            case 0:
                return Arrays.copyOf(frame, frame.length == 0 ? 0 : random.nextInt(frame.length));
            case 1: {
                byte[] copy = frame.clone();
                for (int k = 0, flips = 1 + random.nextInt(3); k < flips && copy.length > 0; k++) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 2: {
                int at = frame.length == 0 ? 0 : random.nextInt(frame.length + 1);
                byte[] junk = new byte[1 + random.nextInt(4)];
                for (int k = 0; k < junk.length; k++) {
                    junk[k] = (byte) random.nextInt(256);
                }
                byte[] out = new byte[frame.length + junk.length];
                System.arraycopy(frame, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(frame, at, out, at + junk.length, frame.length - at);
                return out;
            }
            case 3:
                return concat(frame, randomCommand(random).toByteArray());
            case 4: {
                byte[] copy = frame.clone();
                if (copy.length > 0) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            default: {
                byte[] out = new byte[random.nextInt(48)];
                for (int k = 0; k < out.length; k++) {
                    out[k] = (byte) random.nextInt(256);
                }
                return out;
            }
        }
    }

    private static long randomLong(SplittableRandom random) {
        switch (random.nextInt(5)) {
            case 0:
                return 0;
            case 1:
                return random.nextInt(1_000);
            case 2:
                return -random.nextInt(1_000);
            case 3:
                return random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            default:
                return random.nextLong();
        }
    }

    private static int randomInt(SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0:
                return 0;
            case 1:
                return random.nextInt(5);
            case 2:
                return -random.nextInt(3);
            default:
                return random.nextInt();
        }
    }

    private static String randomString(SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0:
                return "";
            case 1:
                return "BTCUSDT";
            case 2: {
                StringBuilder s = new StringBuilder();
                for (int k = random.nextInt(40); k > 0; k--) {
                    s.append((char) ('!' + random.nextInt(94)));
                }
                return s.toString();
            }
            default:
                return random.nextBoolean() ? "ü€" : "😀x";
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}

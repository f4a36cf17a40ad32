package io.puffindb.executors.flight;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results an engine holds for others to pull by ticket (Arrow IPC stream bytes), e.g. the small
 * side of a broadcast join that every LAMBDA task fetches. Removed when their query ends.
 */
public final class ResultStore {
    private static final byte[] PREFIX = "result:".getBytes(StandardCharsets.UTF_8);
    private final Map<String, byte[]> results = new ConcurrentHashMap<>();

    /** Keeps the bytes; answers the ticket that serves them. */
    public byte[] put(byte[] arrowIpcStream) {
        String id = UUID.randomUUID().toString();
        results.put(id, arrowIpcStream);
        return ticketOf(id);
    }

    public void remove(byte[] ticket) {
        results.remove(idOf(ticket));
    }

    static boolean isResultTicket(byte[] ticket) {
        return ticket.length > PREFIX.length && Arrays.equals(ticket, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
    }

    byte[] get(byte[] ticket) {
        byte[] bytes = results.get(idOf(ticket));
        if (bytes == null) {
            throw new IllegalArgumentException("No result for ticket " + idOf(ticket) + " (its query has ended?)");
        }
        return bytes;
    }

    private static byte[] ticketOf(String id) {
        byte[] suffix = id.getBytes(StandardCharsets.UTF_8);
        byte[] ticket = Arrays.copyOf(PREFIX, PREFIX.length + suffix.length);
        System.arraycopy(suffix, 0, ticket, PREFIX.length, suffix.length);
        return ticket;
    }

    private static String idOf(byte[] ticket) {
        return new String(ticket, PREFIX.length, ticket.length - PREFIX.length, StandardCharsets.UTF_8);
    }
}

package io.puffindb.executors.flight;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;

/** The ports an engine's Flight server may take, {@code from} to {@code to} inclusive; {@link #ANY}: whichever is free. */
public record PortRange(int from, int to) {
    public static final PortRange ANY = new PortRange(0, 0);

    public PortRange {
        if (from < 0 || to > 65535 || from > to || (from == 0 && to != 0)) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Not a port range: %d-%d", from, to));
        }
    }

    /** Exactly this port (0: any free one). */
    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    /** {@code FROM-TO}, a single port, or {@code 0} (any). */
    public static PortRange parse(String text) {
        String[] bounds = text.strip().split("-", 2);
        try {
            int from = Integer.parseInt(bounds[0].strip());
            return new PortRange(from, bounds.length == 1 ? from : Integer.parseInt(bounds[1].strip()));
        } catch (NumberFormatException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Not a port range: '%s' (expected FROM-TO, e.g. 47000-47100)", text), e);
        }
    }
}

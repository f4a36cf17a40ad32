package io.puffindb.lake.store;

import java.io.EOFException;

/**
 * A whole file in memory read with seeks: the reading behind the table formats' seekable input
 * streams (Iceberg's manifests, Delta Kernel's log), whose base classes differ.
 */
public final class ByteCursor {
    private final byte[] bytes;
    private int position;

    public ByteCursor(byte[] bytes) {
        this.bytes = bytes;
    }

    public long position() {
        return position;
    }

    /** Moves to {@code newPosition}, kept within the file. */
    public void seek(long newPosition) {
        position = (int) Math.max(0, Math.min(newPosition, bytes.length));
    }

    public int read() {
        return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    public int read(byte[] target, int offset, int length) {
        if (position >= bytes.length) {
            return -1;
        }
        int n = Math.min(length, bytes.length - position);
        System.arraycopy(bytes, position, target, offset, n);
        position += n;
        return n;
    }

    public void readFully(byte[] target, int offset, int length) throws EOFException {
        if (length > bytes.length - position) {
            throw new EOFException("Wanted " + length + " bytes at " + position + " of " + bytes.length);
        }
        read(target, offset, length);
    }
}

package io.puffindb.lake.iceberg;

import org.apache.iceberg.io.SeekableInputStream;

/** A whole file already in memory, read with seeks (Avro manifests seek to their sync markers). */
final class ByteArraySeekableStream extends SeekableInputStream {
    private final byte[] bytes;
    private int position;

    ByteArraySeekableStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long getPos() {
        return position;
    }

    @Override
    public void seek(long newPos) {
        position = (int) Math.min(newPos, bytes.length);
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= bytes.length) {
            return -1;
        }
        int n = Math.min(length, bytes.length - position);
        System.arraycopy(bytes, position, buffer, offset, n);
        position += n;
        return n;
    }
}

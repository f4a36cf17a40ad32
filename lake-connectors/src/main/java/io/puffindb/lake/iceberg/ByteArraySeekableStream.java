package io.puffindb.lake.iceberg;

import io.puffindb.lake.store.ByteCursor;
import org.apache.iceberg.io.SeekableInputStream;

/** A whole file already in memory, read with seeks (Avro manifests seek to their sync markers). */
final class ByteArraySeekableStream extends SeekableInputStream {
    private final ByteCursor cursor;

    ByteArraySeekableStream(byte[] bytes) {
        this.cursor = new ByteCursor(bytes);
    }

    @Override
    public long getPos() {
        return cursor.position();
    }

    @Override
    public void seek(long newPos) {
        cursor.seek(newPos);
    }

    @Override
    public int read() {
        return cursor.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return cursor.read(buffer, offset, length);
    }
}

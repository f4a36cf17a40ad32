package io.puffindb.lake.cache;

import io.puffindb.lake.store.StoredObject;
import java.util.function.Consumer;

/** Told what enters and leaves a {@link FileCache}, so a directory of cached copies can follow it. Called outside the cache's lock. */
public interface CacheListener {
    CacheListener NONE = new CacheListener() {
        @Override
        public void admitted(StoredObject file) {
        }

        @Override
        public void evicted(StoredObject file) {
        }

        @Override
        public void closed() {
        }
    };

    /** One that follows admissions and evictions only. */
    static CacheListener of(Consumer<StoredObject> admitted, Consumer<StoredObject> evicted) {
        return new CacheListener() {
            @Override
            public void admitted(StoredObject file) {
                admitted.accept(file);
            }

            @Override
            public void evicted(StoredObject file) {
                evicted.accept(file);
            }

            @Override
            public void closed() {
            }
        };
    }

    void admitted(StoredObject file);

    void evicted(StoredObject file);

    /** The cache was emptied and closed: every copy it held is gone. */
    void closed();
}

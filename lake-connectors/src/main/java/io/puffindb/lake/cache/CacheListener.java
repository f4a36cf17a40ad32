package io.puffindb.lake.cache;

import io.puffindb.lake.store.StoredObject;

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

    void admitted(StoredObject file);

    void evicted(StoredObject file);

    /** The cache was emptied and closed: every copy it held is gone. */
    void closed();
}

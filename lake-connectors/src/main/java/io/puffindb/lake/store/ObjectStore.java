package io.puffindb.lake.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where lake files live: the local filesystem or an S3-compatible store. Folders are key prefixes
 * ending at a '/' on S3. Names starting with '.' or '_' are other tools' bookkeeping and are listed
 * like any other; callers decide what to skip.
 */
public interface ObjectStore {
    /** True for the locations this store serves ({@code s3://...} or a plain path). */
    boolean serves(String uri);

    /** The folders directly inside {@code folderUri}, as full locations without a trailing '/'. */
    List<String> childFolders(String folderUri);

    /** The files directly inside {@code folderUri}, sorted by location. */
    List<StoredObject> files(String folderUri);

    /** The file's size and version, or empty when there is no such file. */
    Optional<StoredObject> stat(String uri);

    /** The last {@code length} bytes of the file (a Parquet footer and its length). */
    byte[] readTail(StoredObject file, int length);

    /** The whole file, copied to {@code target} (which must not exist yet). */
    void download(StoredObject file, Path target);

    /** Writes {@code source} at {@code uri}, replacing what was there. */
    void upload(Path source, String uri);

    /** Removes the file; a missing file is not an error. */
    void delete(String uri);

    /** True when DuckDB can open the location itself (a local file), so no copy is needed. */
    boolean isLocal();
}

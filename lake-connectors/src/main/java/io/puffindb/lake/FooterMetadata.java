package io.puffindb.lake;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.store.MetadataCopies;
import io.puffindb.lake.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table's columns and splits read from its files' own metadata (for remote Parquet, only the
 * footers, fetched with ranged reads): for lakes whose table metadata says which files, not what
 * is in them (folders, Hudi).
 */
public final class FooterMetadata {
    private final MetadataCopies metadataCopies;
    private final FileMetadataReader metadataReader;

    public FooterMetadata(MetadataCopies metadataCopies, FileMetadataReader metadataReader) {
        this.metadataCopies = requireNonNull(metadataCopies, "metadataCopies is null");
        this.metadataReader = requireNonNull(metadataReader, "metadataReader is null");
    }

    /** The files' columns (unified by name) and one split per file with its row count and column statistics. */
    public Read read(FileFormat format, List<StoredObject> files) {
        List<String> localPaths = files.stream().map(file -> metadataCopies.localPathFor(file, format)).toList();
        List<LakeColumn> columns = metadataReader.readColumns(format, localPaths);
        Map<String, FileMetadataReader.FileFacts> facts = metadataReader.readFacts(format, localPaths, columns);
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            StoredObject file = files.get(i);
            FileMetadataReader.FileFacts fileFacts = facts.get(localPaths.get(i));
            splits.add(new Split(file.uri(), file.size(), fileFacts.rowCount(), file.version(), fileFacts.columnStats()));
        }
        return new Read(columns, splits);
    }

    public record Read(List<LakeColumn> columns, List<Split> splits) {
        public Read {
            columns = List.copyOf(columns);
            splits = List.copyOf(splits);
        }
    }
}

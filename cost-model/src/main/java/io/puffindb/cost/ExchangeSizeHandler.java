package io.puffindb.cost;

import io.puffindb.calcite.tier.TierExchange;
import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An exchange moves rows without changing them: row and column sizes are its input's. */
public final class ExchangeSizeHandler implements MetadataHandler<BuiltInMetadata.Size> {
    @Override
    public MetadataDef<BuiltInMetadata.Size> getDef() {
        return BuiltInMetadata.Size.DEF;
    }

    public @Nullable Double averageRowSize(TierExchange exchange, RelMetadataQuery mq) {
        return mq.getAverageRowSize(exchange.getInput());
    }

    public @Nullable List<@Nullable Double> averageColumnSizes(TierExchange exchange, RelMetadataQuery mq) {
        return mq.getAverageColumnSizes(exchange.getInput());
    }
}

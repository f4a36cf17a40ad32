package io.puffindb.cost;

import io.puffindb.calcite.tier.TierExchange;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An exchange moves rows without changing them: distinct counts are its input's. */
public final class ExchangeDistinctRowCountHandler implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {
    @Override
    public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
        return BuiltInMetadata.DistinctRowCount.DEF;
    }

    public @Nullable Double getDistinctRowCount(TierExchange exchange, RelMetadataQuery mq, ImmutableBitSet groupKey, @Nullable RexNode predicate) {
        return mq.getDistinctRowCount(exchange.getInput(), groupKey, predicate);
    }
}

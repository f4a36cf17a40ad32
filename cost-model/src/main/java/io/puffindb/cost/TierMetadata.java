package io.puffindb.cost;

import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

/**
 * The metadata the planner consults: our cost for tier nodes and our join estimates ahead of
 * Calcite's defaults. Build one
 * per set of cost parameters and keep it: Calcite compiles a dispatcher for each provider.
 */
public final class TierMetadata {
    private final CostParameters parameters;
    private final TierCostHandler costs;
    private final RelMetadataProvider provider;

    public TierMetadata(CostParameters parameters) {
        this.parameters = parameters;
        this.costs = new TierCostHandler(parameters);
        this.provider = ChainedRelMetadataProvider.of(List.of(
                ReflectiveRelMetadataProvider.reflectiveSource(costs, BuiltInMetadata.NonCumulativeCost.Handler.class),
                ReflectiveRelMetadataProvider.reflectiveSource(new JoinRowCountHandler(), BuiltInMetadata.RowCount.Handler.class),
                ReflectiveRelMetadataProvider.reflectiveSource(new ExchangeDistinctRowCountHandler(), BuiltInMetadata.DistinctRowCount.Handler.class),
                ReflectiveRelMetadataProvider.reflectiveSource(new ExchangeSizeHandler(), BuiltInMetadata.Size.Handler.class),
                DefaultRelMetadataProvider.INSTANCE));
    }

    public RelMetadataProvider provider() {
        return provider;
    }

    public CostParameters parameters() {
        return parameters;
    }
}

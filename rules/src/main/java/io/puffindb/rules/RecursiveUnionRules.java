package io.puffindb.rules;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.calcite.tier.TierConvention;
import io.puffindb.calcite.tier.TierRepeatUnion;
import io.puffindb.calcite.tier.TierTableScan;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalRepeatUnion;
import org.apache.calcite.schema.TransientTable;

/**
 * Places a recursive CTE on the MONOSTORE, whole: its repeat-union and the scans of its transient
 * table. Each step reads the step before, so no part of it splits by file; the rows it reads from the
 * lake still arrive through exchanges.
 */
final class RecursiveUnionRules {
    private static final TierConvention MONOSTORE = TierConvention.of(Tier.MONOSTORE);

    private RecursiveUnionRules() {
    }

    static List<ConverterRule> onMonostore() {
        ConverterRule repeatUnion = ConverterRule.Config.INSTANCE
                .withConversion(LogicalRepeatUnion.class, Convention.NONE, MONOSTORE, "TierRepeatUnionRule_" + Tier.MONOSTORE)
                .withRuleFactory(config -> new ConverterRule(config) {
                    @Override
                    public RelNode convert(RelNode rel) {
                        LogicalRepeatUnion union = (LogicalRepeatUnion) rel;
                        return new TierRepeatUnion(union.getCluster(), TierConverterRules.traits(union, MONOSTORE),
                                TierConverterRules.convert(union.getSeedRel(), MONOSTORE), TierConverterRules.convert(union.getIterativeRel(), MONOSTORE),
                                union.all, union.iterationLimit, union.getTransientTable());
                    }
                })
                .toRule(ConverterRule.class);
        ConverterRule transientScan = ConverterRule.Config.INSTANCE
                .withConversion(TableScan.class, scan -> scan.getTable().unwrap(TransientTable.class) != null, Convention.NONE, MONOSTORE,
                        "TierTransientScanRule_" + Tier.MONOSTORE)
                .withRuleFactory(config -> new ConverterRule(config) {
                    @Override
                    public RelNode convert(RelNode rel) {
                        TableScan scan = (TableScan) rel;
                        return new TierTableScan(scan.getCluster(), TierConverterRules.traits(scan, MONOSTORE), scan.getHints(), scan.getTable());
                    }
                })
                .toRule(ConverterRule.class);
        return List.of(repeatUnion, transientScan);
    }
}

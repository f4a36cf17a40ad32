package io.puffindb.calcite.tier;

import org.apache.calcite.rel.RelNode;

/** A physical plan node placed on a tier; its convention says which. */
public interface TierRel extends RelNode {
    default Tier tier() {
        return ((TierConvention) getConvention()).tier();
    }
}

package io.puffindb.cost;

import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rows out of an equi-join from the distinct counts of its keys (|L|·|R| / max(ndv)), instead of
 * Calcite's fixed 15% guess: placement hinges on how much a join produces, since that is what an
 * exchange above it moves.
 */
public final class JoinRowCountHandler implements MetadataHandler<BuiltInMetadata.RowCount> {
    @Override
    public MetadataDef<BuiltInMetadata.RowCount> getDef() {
        return BuiltInMetadata.RowCount.DEF;
    }

    public @Nullable Double getRowCount(Join join, RelMetadataQuery mq) {
        JoinInfo keys = join.analyzeCondition();
        Double left = mq.getRowCount(join.getLeft());
        Double right = mq.getRowCount(join.getRight());
        Double leftDistinct = keys.leftKeys.isEmpty() ? null : mq.getDistinctRowCount(join.getLeft(), ImmutableBitSet.of(keys.leftKeys), null);
        Double rightDistinct = keys.rightKeys.isEmpty() ? null : mq.getDistinctRowCount(join.getRight(), ImmutableBitSet.of(keys.rightKeys), null);
        if (left == null || right == null || leftDistinct == null || rightDistinct == null) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        double residual = keys.isEqui() ? 1 : 0.5;
        double inner = left * right / Math.max(1, Math.max(leftDistinct, rightDistinct)) * residual;
        double matchedFraction = Math.min(1, rightDistinct / Math.max(1, leftDistinct));
        return switch (join.getJoinType()) {
            case INNER -> inner;
            case LEFT -> Math.max(inner, left);
            case RIGHT -> Math.max(inner, right);
            case FULL -> Math.max(inner, Math.max(left, right));
            case SEMI -> left * matchedFraction * residual;
            case ANTI -> Math.max(1, left * (1 - matchedFraction * residual));
            default -> RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        };
    }
}

package io.puffindb.lake.delta;

import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;

/** Delta column types as DuckDB names them. */
final class DeltaTypes {
    private DeltaTypes() {
    }

    static String toDuckDb(DataType type, String column) {
        if (type instanceof BooleanType) {
            return "BOOLEAN";
        } else if (type instanceof ByteType) {
            return "TINYINT";
        } else if (type instanceof ShortType) {
            return "SMALLINT";
        } else if (type instanceof IntegerType) {
            return "INTEGER";
        } else if (type instanceof LongType) {
            return "BIGINT";
        } else if (type instanceof FloatType) {
            return "FLOAT";
        } else if (type instanceof DoubleType) {
            return "DOUBLE";
        } else if (type instanceof DecimalType decimal) {
            return "DECIMAL(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        } else if (type instanceof StringType) {
            return "VARCHAR";
        } else if (type instanceof BinaryType) {
            return "BLOB";
        } else if (type instanceof DateType) {
            return "DATE";
        } else if (type instanceof TimestampType) {
            return "TIMESTAMP WITH TIME ZONE";
        } else if (type instanceof TimestampNTZType) {
            return "TIMESTAMP";
        }
        throw new PuffinException(ErrorCode.UNSUPPORTED_TYPE, "Column " + column + " has Delta type " + type + ", which PuffinDB does not read yet");
    }

    /** Types whose Delta statistics and partition values are text DuckDB compares the same way (numbers, dates, strings). */
    static boolean hasComparableText(DataType type) {
        return type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType || type instanceof LongType
                || type instanceof DecimalType || type instanceof DateType || type instanceof StringType;
    }
}

package io.puffindb.web.flightsql;

import static java.lang.String.format;

import io.puffindb.executors.ArrowValues;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.web.parameters.ParameterLiterals;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Bound parameter values (one row of a DoPut's batch) as SQL literals of their exact types. */
final class ArrowParameters {
    private ArrowParameters() {
    }

    static List<String> ofRow(VectorSchemaRoot parameters, int row) {
        List<String> literals = new ArrayList<>(parameters.getFieldVectors().size());
        for (FieldVector vector : parameters.getFieldVectors()) {
            literals.add(literal(vector, row));
        }
        return literals;
    }

    private static String literal(FieldVector vector, int row) {
        Object value = ArrowValues.value(vector, row);
        try {
            return ParameterLiterals.literal(value);
        } catch (PuffinException e) {
            throw new PuffinException(ErrorCode.UNSUPPORTED_TYPE, format("A parameter of Arrow type %s cannot be bound (value %s)",
                    vector.getField().getType(), value), e);
        }
    }
}

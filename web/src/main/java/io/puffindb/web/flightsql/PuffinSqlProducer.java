package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.lake.LakeColumn;
import io.puffindb.web.parameters.ParameterMarkers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.NoOpFlightSqlProducer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Flight SQL over our query path: a statement's GetFlightInfo starts it through the {@link QueryExecutor}
 * (the same distributed plan the HTTP endpoint runs) and its DoGet streams the batches; prepared statements
 * bind their parameters as literals; metadata comes from the catalog. Failures leave as {@link FlightErrors}.
 */
final class PuffinSqlProducer extends NoOpFlightSqlProducer implements AutoCloseable {
    private final BufferAllocator allocator;
    private final QueryExecutor executor;
    private final StartedQueries started;
    private final PreparedStatements prepared = new PreparedStatements();
    private final CatalogTables catalog;
    private final ShadowDuckDb shadow;
    private final List<String> defaultSchema;
    private final SqlInfoBuilder sqlInfo;
    private final CatalogMetadata metadata;

    PuffinSqlProducer(BufferAllocator allocator, QueryExecutor executor, CatalogTables catalog, List<String> defaultSchema,
            QueryListing listing, java.time.Duration unclaimed, String version) {
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.started = new StartedQueries(executor, listing, unclaimed);
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.defaultSchema = List.copyOf(defaultSchema);
        this.shadow = new ShadowDuckDb(allocator);
        this.sqlInfo = ServerSqlInfo.of(version);
        this.metadata = new CatalogMetadata(catalog, shadow);
    }

    // --- statements -------------------------------------------------------------------------------------

    @Override
    public FlightInfo getFlightInfoStatement(FlightSql.CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return guarded(() -> startedInfo(command.getQuery(), context, descriptor));
    }

    @Override
    public FlightInfo getFlightInfoPreparedStatement(FlightSql.CommandPreparedStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        return guarded(() -> startedInfo(prepared.get(handle(command.getPreparedStatementHandle())).boundSql(), context, descriptor));
    }

    // Starts the query now: its FlightInfo carries the exact schema of its batches, and one endpoint whose ticket reads them.
    private FlightInfo startedInfo(String sql, CallContext context, FlightDescriptor descriptor) {
        String ticket = started.start(sql, context.peerIdentity(), context::isCancelled);
        Schema schema = ColumnMetadata.annotate(started.schema(ticket).orElseThrow());
        FlightSql.TicketStatementQuery statement = FlightSql.TicketStatementQuery.newBuilder()
                .setStatementHandle(ByteString.copyFromUtf8(ticket)).build();
        return new FlightInfo(schema, descriptor, List.of(new FlightEndpoint(new Ticket(Any.pack(statement).toByteArray()))), -1, -1);
    }

    @Override
    public void getStreamStatement(FlightSql.TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
        String id = handle(ticket.getStatementHandle());
        Optional<Exception> failure = Optional.empty();
        try {
            StartedQueries.Started query = started.claim(id).orElseThrow(() -> CallStatus.NOT_FOUND
                    .withDescription("NOT_FOUND: no query waits for this ticket (fetched already, cancelled, or never fetched in time)")
                    .toRuntimeException());
            try (AutoCloseable rows = query.running()) {
                BatchStreamer.stream(query, listener);
            }
        } catch (Exception e) {
            failure = Optional.of(e);
            listener.error(FlightErrors.of(e));
        } finally {
            started.finished(id, failure);
        }
    }

    @Override
    public SchemaResult getSchemaStatement(FlightSql.CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        throw CallStatus.UNIMPLEMENTED.withDescription("GetSchema of a statement: call GetFlightInfo, whose schema is exact").toRuntimeException();
    }

    // --- prepared statements ----------------------------------------------------------------------------

    @Override
    public void createPreparedStatement(FlightSql.ActionCreatePreparedStatementRequest request, CallContext context,
            StreamListener<Result> listener) {
        try {
            ParameterMarkers markers = ParameterMarkers.of(request.getQuery());
            List<String> types = parameterTypes(markers);
            Schema parameters = millisecondTimestamps(shadow.arrowSchema(parameterColumns(types)));
            // Clients tell a query from an update by its result's schema, and type their columns by it: described now,
            // each parameter standing in as a NULL of its type (the query is planned, not run).
            List<String> typedNulls = types.stream().map(type -> "CAST(NULL AS " + type + ")").toList();
            Schema dataset = ColumnMetadata.annotate(shadow.arrowSchema(executor.describe(markers.count() == 0 ? markers.sql() : markers.bind(typedNulls))));
            String handle = prepared.add(new PreparedStatements.Prepared(markers, parameters));
            FlightSql.ActionCreatePreparedStatementResult result = FlightSql.ActionCreatePreparedStatementResult.newBuilder()
                    .setPreparedStatementHandle(ByteString.copyFromUtf8(handle))
                    .setDatasetSchema(ByteString.copyFrom(dataset.serializeAsMessage()))
                    .setParameterSchema(ByteString.copyFrom(parameters.serializeAsMessage()))
                    .build();
            listener.onNext(new Result(Any.pack(result).toByteArray()));
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(FlightErrors.of(e));
        }
    }

    private List<String> parameterTypes(ParameterMarkers markers) {
        return markers.count() == 0 ? List.of() : shadow.parameterTypes(markers.sql(), markers.count(), catalog.tables(schema -> true), defaultSchema);
    }

    // The Flight SQL JDBC driver (18.3.0) writes a timestamp parameter's epoch milliseconds into whatever
    // timestamp vector it is given, unscaled: asked for milliseconds, it binds exactly. A value sent in
    // another unit (ADBC, Python) is read in its own unit, from the batch's own schema.
    private static Schema millisecondTimestamps(Schema schema) {
        return new Schema(schema.getFields().stream().map(field -> field.getType() instanceof ArrowType.Timestamp timestamp
                ? new Field(field.getName(), new FieldType(field.isNullable(), new ArrowType.Timestamp(TimeUnit.MILLISECOND, timestamp.getTimezone()),
                        null), List.of())
                : field).toList());
    }

    private static List<LakeColumn> parameterColumns(List<String> types) {
        List<LakeColumn> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.add(new LakeColumn("parameter_" + (i + 1), types.get(i)));
        }
        return columns;
    }

    @Override
    public Runnable acceptPutPreparedStatementQuery(FlightSql.CommandPreparedStatementQuery command, CallContext context,
            FlightStream flightStream, StreamListener<PutResult> ackStream) {
        return () -> {
            try {
                PreparedStatements.Prepared statement = prepared.get(handle(command.getPreparedStatementHandle()));
                while (flightStream.next()) {
                    VectorSchemaRoot values = flightStream.getRoot();
                    // One row of values per execution; the last row put is the one the next GetFlightInfo runs.
                    if (values.getRowCount() > 0) {
                        statement.bind(ArrowParameters.ofRow(values, values.getRowCount() - 1));
                    }
                }
                ackStream.onCompleted();
            } catch (Exception e) {
                ackStream.onError(FlightErrors.of(e));
            }
        };
    }

    @Override
    public void closePreparedStatement(FlightSql.ActionClosePreparedStatementRequest request, CallContext context,
            StreamListener<Result> listener) {
        prepared.close(handle(request.getPreparedStatementHandle()));
        listener.onCompleted();
    }

    // --- cancellation -----------------------------------------------------------------------------------

    @Override
    public void cancelFlightInfo(CancelFlightInfoRequest request, CallContext context, StreamListener<CancelStatus> listener) {
        boolean cancelled = false;
        for (FlightEndpoint endpoint : request.getInfo().getEndpoints()) {
            cancelled |= ticketOf(endpoint.getTicket()).map(started::cancel).orElse(false);
        }
        listener.onNext(cancelled ? CancelStatus.CANCELLED : CancelStatus.NOT_CANCELLABLE);
        listener.onCompleted();
    }

    private static Optional<String> ticketOf(Ticket ticket) {
        try {
            Any any = Any.parseFrom(ticket.getBytes());
            return any.is(FlightSql.TicketStatementQuery.class)
                    ? Optional.of(handle(any.unpack(FlightSql.TicketStatementQuery.class).getStatementHandle()))
                    : Optional.empty();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }

    // --- metadata ---------------------------------------------------------------------------------------

    @Override
    public FlightInfo getFlightInfoSqlInfo(FlightSql.CommandGetSqlInfo request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, Schemas.GET_SQL_INFO_SCHEMA);
    }

    @Override
    public void getStreamSqlInfo(FlightSql.CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
        sqlInfo.send(command.getInfoList(), listener);
    }

    @Override
    public FlightInfo getFlightInfoTypeInfo(FlightSql.CommandGetXdbcTypeInfo request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, Schemas.GET_TYPE_INFO_SCHEMA);
    }

    @Override
    public void getStreamTypeInfo(FlightSql.CommandGetXdbcTypeInfo request, CallContext context, ServerStreamListener listener) {
        MetadataRows.send(allocator, Schemas.GET_TYPE_INFO_SCHEMA, XdbcTypes.rows(request.hasDataType() ? request.getDataType() : null), listener);
    }

    @Override
    public FlightInfo getFlightInfoCatalogs(FlightSql.CommandGetCatalogs request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, Schemas.GET_CATALOGS_SCHEMA);
    }

    @Override
    public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
        sendRows(listener, Schemas.GET_CATALOGS_SCHEMA, metadata::catalogs);
    }

    @Override
    public FlightInfo getFlightInfoSchemas(FlightSql.CommandGetDbSchemas request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, Schemas.GET_SCHEMAS_SCHEMA);
    }

    @Override
    public void getStreamSchemas(FlightSql.CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
        sendRows(listener, Schemas.GET_SCHEMAS_SCHEMA, () -> metadata.schemas(command));
    }

    @Override
    public FlightInfo getFlightInfoTables(FlightSql.CommandGetTables request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, request.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA);
    }

    @Override
    public void getStreamTables(FlightSql.CommandGetTables command, CallContext context, ServerStreamListener listener) {
        sendRows(listener, command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA, () -> metadata.tables(command));
    }

    @Override
    public FlightInfo getFlightInfoTableTypes(FlightSql.CommandGetTableTypes request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, Schemas.GET_TABLE_TYPES_SCHEMA);
    }

    @Override
    public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
        sendRows(listener, Schemas.GET_TABLE_TYPES_SCHEMA, metadata::tableTypes);
    }

    // Lake tables have no declared keys: the key commands answer no rows, as Flight SQL allows.
    @Override
    public FlightInfo getFlightInfoPrimaryKeys(FlightSql.CommandGetPrimaryKeys request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, Schemas.GET_PRIMARY_KEYS_SCHEMA);
    }

    @Override
    public void getStreamPrimaryKeys(FlightSql.CommandGetPrimaryKeys command, CallContext context, ServerStreamListener listener) {
        sendRows(listener, Schemas.GET_PRIMARY_KEYS_SCHEMA, List::of);
    }

    @Override
    public FlightInfo getFlightInfoExportedKeys(FlightSql.CommandGetExportedKeys request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, Schemas.GET_EXPORTED_KEYS_SCHEMA);
    }

    @Override
    public void getStreamExportedKeys(FlightSql.CommandGetExportedKeys command, CallContext context, ServerStreamListener listener) {
        sendRows(listener, Schemas.GET_EXPORTED_KEYS_SCHEMA, List::of);
    }

    @Override
    public FlightInfo getFlightInfoImportedKeys(FlightSql.CommandGetImportedKeys request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, Schemas.GET_IMPORTED_KEYS_SCHEMA);
    }

    @Override
    public void getStreamImportedKeys(FlightSql.CommandGetImportedKeys command, CallContext context, ServerStreamListener listener) {
        sendRows(listener, Schemas.GET_IMPORTED_KEYS_SCHEMA, List::of);
    }

    @Override
    public FlightInfo getFlightInfoCrossReference(FlightSql.CommandGetCrossReference request, CallContext context, FlightDescriptor descriptor) {
        return commandInfo(request, descriptor, Schemas.GET_CROSS_REFERENCE_SCHEMA);
    }

    @Override
    public void getStreamCrossReference(FlightSql.CommandGetCrossReference command, CallContext context, ServerStreamListener listener) {
        sendRows(listener, Schemas.GET_CROSS_REFERENCE_SCHEMA, List::of);
    }

    // A metadata command's FlightInfo: one endpoint whose ticket is the command itself, read back by its getStream method.
    private static FlightInfo commandInfo(Message command, FlightDescriptor descriptor, Schema schema) {
        return new FlightInfo(schema, descriptor, List.of(new FlightEndpoint(new Ticket(Any.pack(command).toByteArray()))), -1, -1);
    }

    private void sendRows(ServerStreamListener listener, Schema schema, Supplier<List<Map<String, Object>>> rows) {
        try {
            MetadataRows.send(allocator, schema, rows.get(), listener);
        } catch (RuntimeException e) {
            listener.error(FlightErrors.of(e));
        }
    }


    private static String handle(ByteString bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw FlightErrors.of(e);
        }
    }

    @Override
    public void close() throws Exception {
        started.close();
        shadow.close();
    }
}

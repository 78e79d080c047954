package org.tickerdesk.history.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.PartitionProgress;

/**
 * A collection as JSON, the one shape the {@code jobs} stream, the REST API and the Jobs page's
 * script share. Instants are ISO-8601; what is unknown ({@code from} of an incremental collection,
 * {@code to} of one up to now, the ETA, the last error, a rate that is not a number) is {@code
 * null}, and {@code toNow} says whether the range runs up to now.
 */
public final class JobJson {

    /** Looked up once: {@code JSON.create...} would search for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JobJson() {}

    public static JsonObject of(JobSnapshot job) {
        CollectionRequest request = job.request();
        JsonArrayBuilder instruments = JSON.createArrayBuilder();
        request.symbols().forEach(instruments::add);
        JsonArrayBuilder partitions = JSON.createArrayBuilder();
        job.partitions().forEach(p -> partitions.add(partition(p)));
        JsonObjectBuilder json =
                JSON.createObjectBuilder().add("id", job.id()).add("status", job.status().name());
        text(json, "requestedBy", job.requestedBy());
        instant(json, "createdAt", job.createdAt());
        instant(json, "updatedAt", job.updatedAt());
        json.add("source", request.source().wire())
                .add("instruments", instruments)
                .add("barSize", request.barSize().label());
        instant(json, "from", request.from());
        instant(json, "to", request.to());
        json.add("toNow", request.toNow())
                .add("incremental", request.incremental())
                .add("gapsOnly", request.gapsOnly())
                .add("whatToShow", request.whatToShow().name())
                .add("rthOnly", request.regularHoursOnly())
                .add("windowsDone", job.windowsDone())
                .add("windowsTotal", job.windowsTotal())
                .add("barsWritten", job.barsWritten())
                .add("barsSkipped", job.barsSkipped())
                .add("retries", job.retries());
        if (Double.isFinite(job.barsPerSecond())) {
            json.add("barsPerSecond", job.barsPerSecond());
        } else {
            json.addNull("barsPerSecond");
        }
        instant(json, "eta", job.eta());
        text(json, "lastError", job.lastError());
        return json.add("partitions", partitions).build();
    }

    private static JsonObjectBuilder partition(PartitionProgress partition) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("symbol", partition.symbol())
                        .add("status", partition.status().name())
                        .add("windowsDone", partition.windowsDone())
                        .add("windowsTotal", partition.windowsTotal())
                        .add("barsWritten", partition.barsWritten())
                        .add("barsSkipped", partition.barsSkipped())
                        .add("retries", partition.retries());
        text(json, "lastError", partition.lastError());
        return json;
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}

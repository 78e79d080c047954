package org.tickerdesk.history.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.PartitionProgress;

/** A collection as JSON, the one shape of the REST API and the {@code jobs} stream. */
public final class JobJson {

    private JobJson() {}

    public static JsonObject of(JobSnapshot job) {
        CollectionRequest r = job.request();
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("id", job.id())
                        .add("status", job.status().name())
                        .add("requestedBy", job.requestedBy());
        instant(json, "createdAt", job.createdAt());
        instant(json, "updatedAt", job.updatedAt());
        json.add("source", r.source().wire())
                .add("instruments", Json.createArrayBuilder(r.symbols()))
                .add("barSize", r.barSize().label());
        instant(json, "from", r.from());
        instant(json, "to", r.to());
        json.add("toNow", r.toNow())
                .add("incremental", r.incremental())
                .add("gapsOnly", r.gapsOnly())
                .add("whatToShow", r.whatToShow().name())
                .add("rthOnly", r.regularHoursOnly())
                .add("windowsDone", job.windowsDone())
                .add("windowsTotal", job.windowsTotal())
                .add("barsWritten", job.barsWritten())
                .add("barsSkipped", job.barsSkipped())
                .add("retries", job.retries())
                .add("barsPerSecond", job.barsPerSecond());
        instant(json, "eta", job.eta());
        text(json, "lastError", job.lastError());
        var partitions = Json.createArrayBuilder();
        for (PartitionProgress p : job.partitions()) {
            JsonObjectBuilder partition =
                    Json.createObjectBuilder()
                            .add("symbol", p.symbol())
                            .add("status", p.status().name())
                            .add("windowsDone", p.windowsDone())
                            .add("windowsTotal", p.windowsTotal())
                            .add("barsWritten", p.barsWritten())
                            .add("barsSkipped", p.barsSkipped())
                            .add("retries", p.retries());
            text(partition, "lastError", p.lastError());
            partitions.add(partition);
        }
        return json.add("partitions", partitions).build();
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

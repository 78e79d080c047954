package org.tickerdesk.history.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import org.tickerdesk.history.control.JobJson;
import org.tickerdesk.history.entity.ExecutionSummary;
import org.tickerdesk.history.entity.JobDetail;
import org.tickerdesk.history.entity.JobStatistics;
import org.tickerdesk.history.entity.SkippedBar;
import org.tickerdesk.history.entity.StepMetrics;

/**
 * A collection with its executions and skipped bars, and the statistics, as the REST API shows
 * them.
 */
final class JobDetailJson {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JobDetailJson() {}

    static JsonObject of(JobDetail detail) {
        JsonArrayBuilder executions = JSON.createArrayBuilder();
        for (ExecutionSummary e : detail.executions()) {
            JsonArrayBuilder steps = JSON.createArrayBuilder();
            for (StepMetrics m : e.steps()) {
                steps.add(
                        JSON.createObjectBuilder()
                                .add("partition", m.partition())
                                .add("read", m.read())
                                .add("write", m.write())
                                .add("skip", m.skip())
                                .add("commit", m.commit())
                                .add("rollback", m.rollback()));
            }
            JsonObjectBuilder execution =
                    JSON.createObjectBuilder()
                            .add("executionId", e.executionId())
                            .add("batchStatus", e.batchStatus());
            text(execution, "exitStatus", e.exitStatus());
            text(execution, "start", e.start());
            text(execution, "end", e.end());
            executions.add(execution.add("steps", steps));
        }
        JsonArrayBuilder skipped = JSON.createArrayBuilder();
        for (SkippedBar s : detail.skipped()) {
            skipped.add(
                    JSON.createObjectBuilder().add("where", s.where()).add("reason", s.reason()));
        }
        return JSON.createObjectBuilder(JobJson.of(detail.job()))
                .add("executions", executions)
                .add("skipped", skipped)
                .build();
    }

    static JsonObject statistics(JobStatistics statistics) {
        JsonObjectBuilder byStatus = JSON.createObjectBuilder();
        statistics.byStatus().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> byStatus.add(e.getKey().name(), e.getValue()));
        JsonArrayBuilder perDay = JSON.createArrayBuilder();
        statistics
                .barsPerDay()
                .forEach(
                        d ->
                                perDay.add(
                                        JSON.createObjectBuilder()
                                                .add("day", d.day().toString())
                                                .add("bars", d.bars())));
        return JSON.createObjectBuilder()
                .add("byStatus", byStatus)
                .add("barsPerDay", perDay)
                .build();
    }

    private static void text(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value instanceof Instant i ? i.toString() : value.toString());
        }
    }
}

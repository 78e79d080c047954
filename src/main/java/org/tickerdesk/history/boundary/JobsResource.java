package org.tickerdesk.history.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.history.control.CollectionInput;
import org.tickerdesk.history.control.CollectionJobs;
import org.tickerdesk.history.control.CsvCollections;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.control.JobJson;
import org.tickerdesk.history.control.UnknownJobException;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.JobFilter;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.entity.FieldError;

/**
 * Collections over HTTP: start one, list them, follow one with its executions, stop, restart or
 * abandon it, and statistics. Private: reading needs credentials, writing a bearer token.
 */
@Path("v1/jobs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class JobsResource {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final List<String> FIELDS =
            List.of(
                    "source",
                    "instruments",
                    "barSize",
                    "from",
                    "to",
                    "incremental",
                    "gapsOnly",
                    "whatToShow",
                    "rthOnly");

    static final String START_EXAMPLE =
            "{\"source\":\"simulated\",\"instruments\":[\"AAPL\",\"MSFT\"],\"barSize\":\"1m\","
                    + "\"from\":\"2024-01-02T00:00:00Z\",\"to\":\"2024-07-01T00:00:00Z\"}";

    static final List<String> UPLOAD_PARTS = List.of("file", "symbol", "barSize", "timeZone");

    static final String JOB_EXAMPLE =
            "{\"id\":7,\"status\":\"STARTED\",\"requestedBy\":\"admin\","
                + "\"createdAt\":\"2026-11-30T08:00:00Z\",\"updatedAt\":\"2026-11-30T08:00:05Z\","
                + "\"source\":\"simulated\",\"instruments\":[\"AAPL\",\"MSFT\"],"
                + "\"barSize\":\"1m\",\"from\":\"2024-01-02T00:00:00Z\","
                + "\"to\":\"2024-07-01T00:00:00Z\",\"toNow\":false,\"incremental\":false,"
                + "\"gapsOnly\":false,\"whatToShow\":\"TRADES\",\"rthOnly\":true,"
                + "\"windowsDone\":12,\"windowsTotal\":52,\"barsWritten\":120000,"
                + "\"barsSkipped\":0,\"retries\":0,\"barsPerSecond\":24000.0,"
                + "\"eta\":\"2026-11-30T08:00:22Z\",\"lastError\":null,\"partitions\":["
                + "{\"symbol\":\"AAPL\",\"status\":\"STARTED\",\"windowsDone\":6,"
                + "\"windowsTotal\":26,\"barsWritten\":60000,\"barsSkipped\":0,"
                + "\"retries\":0,\"lastError\":null}]}";

    static final String STATISTICS_EXAMPLE =
            "{\"byStatus\":{\"COMPLETED\":12,\"FAILED\":1,\"STARTED\":1},"
                    + "\"barsPerDay\":[{\"day\":\"2026-11-30\",\"bars\":1000000}]}";

    @Inject CollectionJobs jobs;

    @Inject CsvCollections csv;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a collection",
            description =
                    "source (simulated, ibkr, yahoo; csv collections start with an upload),"
                        + " instruments, barSize (1s 5s 10s 15s 30s 1m 2m 3m 5m 10m 15m 20m 30m 1h"
                        + " 2h 3h 4h 8h 1d 1w 1M), from and to (ISO-8601 instants or dates; to may"
                        + " be \"now\"), incremental (start after the last stored bar), gapsOnly"
                        + " (collect only the missing stretches), whatToShow (TRADES, MIDPOINT,"
                        + " BID, ASK, BID_ASK; default TRADES), rthOnly (default true).")
    @RequestBody(
            required = true,
            description =
                    "A collection as JSON, or a CSV file of bars as multipart/form-data with the"
                            + " parts file, symbol, barSize and timeZone",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(ref = "NewCollection"),
                        examples = @ExampleObject(name = "half a year", value = START_EXAMPLE)),
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA,
                        schema = @Schema(ref = "CsvUpload"))
            })
    @APIResponse(
            responseCode = "202",
            description = "Started; Location names the collection",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Job"),
                            examples = @ExampleObject(name = "started", value = JOB_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid, every field at fault (code invalid_history_request)")
    public Response start(
            JsonObject body, @Context UriInfo uri, @Context SecurityContext security) {
        JobSnapshot job = jobs.start(request(body), requestedBy(security));
        return Response.accepted(JobJson.of(job))
                .location(uri.getAbsolutePathBuilder().path(Long.toString(job.id())).build())
                .build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Upload a CSV file of bars and collect it",
            description =
                    "Parts: file (Date,Open,High,Low,Close[,Adj Close],Volume with a header line),"
                        + " symbol (a known instrument), barSize (1d for daily bars, 1m etc. for"
                        + " intraday), timeZone (of times without an offset; default UTC). Each bad"
                        + " line is skipped and reported with its line number in the collection.")
    @RequestBody(
            required = true,
            description =
                    "A collection as JSON, or a CSV file of bars as multipart/form-data with the"
                            + " parts file, symbol, barSize and timeZone",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(ref = "NewCollection"),
                        examples = @ExampleObject(name = "half a year", value = START_EXAMPLE)),
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA,
                        schema = @Schema(ref = "CsvUpload"))
            })
    @APIResponse(
            responseCode = "202",
            description = "Stored and started; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Job"),
                            examples = @ExampleObject(name = "csv", value = JOB_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "A part is missing or invalid, or no line is a bar (code"
                            + " invalid_history_request)")
    public Response upload(
            List<EntityPart> parts, @Context UriInfo uri, @Context SecurityContext security)
            throws IOException {
        Map<String, EntityPart> named = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (EntityPart part : parts) {
            if (!UPLOAD_PARTS.contains(part.getName())) {
                errors.add(
                        new FieldError(
                                part.getName(),
                                "'"
                                        + part.getName()
                                        + "' is not a part of an upload; use "
                                        + String.join(", ", UPLOAD_PARTS)));
            } else if (named.put(part.getName(), part) != null) {
                errors.add(
                        new FieldError(part.getName(), "'" + part.getName() + "' is sent twice"));
            }
        }
        if (!named.containsKey("file")) {
            errors.add(new FieldError("file", "The upload needs its file, in the part 'file'"));
        }
        if (!errors.isEmpty()) {
            throw HistoryFailureException.invalid(errors);
        }
        EntityPart file = named.get("file");
        JobSnapshot job =
                csv.start(
                        file.getFileName().orElse("upload.csv"),
                        text(named.get("symbol")),
                        text(named.get("barSize")),
                        text(named.get("timeZone")),
                        file.getContent(byte[].class),
                        requestedBy(security));
        return Response.accepted(JobJson.of(job))
                .location(uri.getAbsolutePathBuilder().path(Long.toString(job.id())).build())
                .build();
    }

    @GET
    @Operation(summary = "Collections, newest first")
    @APIResponse(
            responseCode = "200",
            description = "The collections",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Jobs"),
                            examples =
                                    @ExampleObject(name = "one", value = "[" + JOB_EXAMPLE + "]")))
    @APIResponse(responseCode = "400", description = "A filter is invalid")
    public JsonArray list(
            @Parameter(
                            description =
                                    "STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED,"
                                            + " ABANDONED")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Only collections of this instrument")
                    @QueryParam("instrument")
                    String instrument,
            @Parameter(description = "Only collections created on this day (UTC), e.g. 2024-01-02")
                    @QueryParam("date")
                    String date,
            @Parameter(description = "At most this many, 1 to 500 (default 100)")
                    @QueryParam("limit")
                    String limit) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        jobs.list(filter(status, instrument, date, limit)).forEach(j -> array.add(JobJson.of(j)));
        return array.build();
    }

    @GET
    @Path("statistics")
    @Operation(summary = "Collections by status, and bars collected per day")
    @APIResponse(
            responseCode = "200",
            description = "The statistics",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "JobStatistics"),
                            examples = @ExampleObject(name = "counts", value = STATISTICS_EXAMPLE)))
    public JsonObject statistics() {
        return JobDetailJson.statistics(jobs.statistics());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One collection with its executions, step metrics and skipped bars")
    @APIResponse(
            responseCode = "200",
            description = "The collection with its executions and skipped bars",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "JobDetail"),
                            examples = @ExampleObject(name = "running", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such collection (code unknown_job)")
    public JsonObject one(@PathParam("id") String id) {
        long jobId = id(id);
        return jobs.detail(jobId)
                .map(JobDetailJson::of)
                .orElseThrow(() -> new UnknownJobException(jobId));
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop it: each instrument finishes its current window")
    @APIResponse(
            responseCode = "200",
            description = "Stopping",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Job"),
                            examples = @ExampleObject(name = "stopping", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not running (code job_state)")
    public JsonObject stop(@PathParam("id") String id) {
        return JobJson.of(jobs.stop(id(id)));
    }

    @POST
    @Path("{id}/restart")
    @Operation(summary = "Restart a STOPPED or FAILED collection from where it ended")
    @APIResponse(
            responseCode = "200",
            description = "Restarting",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Job"),
                            examples = @ExampleObject(name = "restarting", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not STOPPED or FAILED (code job_state)")
    public JsonObject restart(@PathParam("id") String id) {
        return JobJson.of(jobs.restart(id(id)));
    }

    @POST
    @Path("{id}/abandon")
    @Operation(summary = "Abandon a STOPPED or FAILED collection for good")
    @APIResponse(
            responseCode = "200",
            description = "Abandoned",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Job"),
                            examples = @ExampleObject(name = "abandoned", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Running or already final (code job_state)")
    public JsonObject abandon(@PathParam("id") String id) {
        return JobJson.of(jobs.abandon(id(id)));
    }

    static CollectionRequest request(JsonObject body) {
        JsonFields fields =
                JsonFields.of(
                                body,
                                "The body must be a JSON object with source, instruments, barSize,"
                                        + " from and to",
                                HistoryFailureException::invalid)
                        .only(
                                FIELDS,
                                field ->
                                        "'"
                                                + field
                                                + "' is not a field of a collection; use "
                                                + String.join(", ", FIELDS));
        String source = fields.text("source");
        List<String> instruments = fields.texts("instruments");
        String barSize = fields.text("barSize");
        String from = fields.text("from");
        String to = fields.text("to");
        String incremental = fields.flag("incremental");
        String gapsOnly = fields.flag("gapsOnly");
        String whatToShow = fields.text("whatToShow");
        String rthOnly = fields.flag("rthOnly");
        fields.refuseIfAnyError();
        return CollectionInput.request(
                source,
                instruments,
                barSize,
                from,
                to,
                incremental,
                gapsOnly,
                whatToShow,
                rthOnly,
                null);
    }

    static JobFilter filter(String status, String instrument, String date, String limit) {
        List<FieldError> errors = new ArrayList<>();
        JobStatus state = null;
        if (status != null) {
            try {
                state = JobStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add(
                        new FieldError(
                                "status",
                                "'"
                                        + status
                                        + "' is not a status; use one of "
                                        + List.of(JobStatus.values())));
            }
        }
        LocalDate day = null;
        if (date != null) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeException e) {
                errors.add(
                        new FieldError("date", "'" + date + "' is not a date such as 2024-01-02"));
            }
        }
        int max = 100;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > JobFilter.MAX_LIMIT) {
                errors.add(
                        new FieldError(
                                "limit",
                                "'limit' must be a whole number from 1 to " + JobFilter.MAX_LIMIT));
            }
        }
        if (!errors.isEmpty()) {
            throw HistoryFailureException.invalid(errors);
        }
        return new JobFilter(state, instrument, day, max);
    }

    /** An id that is not a number names no collection. */
    private static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the 404 every unknown id gets
        }
        throw new UnknownJobException(text);
    }

    private static String text(EntityPart part) throws IOException {
        return part == null ? null : part.getContent(String.class);
    }

    private static String requestedBy(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null
                ? "api"
                : security.getUserPrincipal().getName();
    }
}

package org.tickerdesk.tasks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.tasks.control.IntervalChange;
import org.tickerdesk.tasks.control.TaskJson;
import org.tickerdesk.tasks.control.TaskStore;
import org.tickerdesk.tasks.control.Tasks;
import org.tickerdesk.tasks.entity.TaskSnapshot;

/**
 * The tasks console over HTTP: every scheduled job with its schedule, counters, last and next run;
 * one with its recent runs; run now, pause, resume and a new interval. Reading needs a token or the
 * admin's login, changing an admin's token.
 */
@Path("v1/tasks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String TASK_FIELDS =
            "\"name\":\"subscription-cleanup\",\"description\":\"Releases the upstream"
                    + " subscriptions nobody needed for the idle period\",\"intervalSeconds\":300,"
                    + "\"defaultIntervalSeconds\":300,\"intervalChanged\":false,"
                    + "\"timeLimitSeconds\":900,\"critical\":false,\"enabled\":true,"
                    + "\"running\":false,\"runs\":12,\"failures\":1,\"skipped\":0,"
                    + "\"consecutiveFailures\":0,\"lastRun\":{\"startedAt\":"
                    + "\"2025-11-20T14:30:00.002Z\",\"durationMillis\":3,\"outcome\":\"SUCCEEDED\","
                    + "\"manual\":false},\"nextRun\":\"2025-11-20T14:35:00.002Z\","
                    + "\"runsOn\":\"127.0.0.1:6900\"";

    static final String TASK_EXAMPLE = "{" + TASK_FIELDS + "}";

    static final String DETAIL_EXAMPLE =
            "{"
                    + TASK_FIELDS
                    + ",\"history\":[{\"startedAt\":\"2025-11-20T14:30:00.002Z\","
                    + "\"durationMillis\":3,\"outcome\":\"SUCCEEDED\",\"manual\":false},"
                    + "{\"startedAt\":\"2025-11-20T14:25:00.001Z\",\"durationMillis\":5002,"
                    + "\"outcome\":\"FAILED\",\"manual\":false,\"error\":"
                    + "\"IllegalStateException: TWS is not connected\",\"stackTrace\":"
                    + "\"java.lang.IllegalStateException: TWS is not connected\\n\\tat ...\"}]}";

    @Inject Tasks tasks;

    @Inject TaskScheduler scheduler;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Every scheduled task with its schedule, counters, last and next run",
            description = "nextRun is absent while a task is paused; by name.")
    @APIResponse(
            responseCode = "200",
            description = "The tasks",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Tasks"),
                            examples =
                                    @ExampleObject(name = "one", value = "[" + TASK_EXAMPLE + "]")))
    public JsonArray list() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (TaskSnapshot task : tasks.list()) {
            array.add(TaskJson.of(task));
        }
        return array.build();
    }

    @GET
    @Path("{name}")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "One task with its recent runs, newest first",
            description =
                    "Up to the last "
                            + TaskStore.HISTORY
                            + " runs, each failed one with its error and stack trace.")
    @APIResponse(
            responseCode = "200",
            description = "The task",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "TaskDetail"),
                            examples = @ExampleObject(name = "one", value = DETAIL_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such task (code unknown_task)")
    public JsonObject one(
            @Parameter(description = "The task's name", example = "exit-sweep") @PathParam("name")
                    String name) {
        Tasks.Detail detail = tasks.detail(name, TaskStore.HISTORY);
        return TaskJson.detail(detail.task(), detail.history());
    }

    @POST
    @Path("{name}/run")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Run a task now, beside its schedule (also a paused one)",
            description =
                    "Answers at once with the task running; the run's outcome is in the task's"
                            + " lastRun and history when it ends, and on the tasks stream.")
    @APIResponse(
            responseCode = "202",
            description = "The run started",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Task"),
                            examples = @ExampleObject(name = "running", value = TASK_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such task (code unknown_task)")
    @APIResponse(
            responseCode = "409",
            description =
                    "A run of the task is going on (code task_running), or this member does not"
                            + " lead the cluster and the leader runs the tasks (code not_leader)")
    public Response run(
            @Parameter(description = "The task's name", example = "exit-sweep") @PathParam("name")
                    String name) {
        return Response.accepted(TaskJson.of(scheduler.runNow(name))).build();
    }

    @POST
    @Path("{name}/pause")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Pause a task's schedule, also across restarts",
            description =
                    "A run going on is left to finish; pausing a paused task changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The task, enabled false, without a next run",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Task"),
                            examples = @ExampleObject(name = "paused", value = TASK_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such task (code unknown_task)")
    public JsonObject pause(
            @Parameter(description = "The task's name", example = "exit-sweep") @PathParam("name")
                    String name) {
        return TaskJson.of(scheduler.pause(name));
    }

    @POST
    @Path("{name}/resume")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Resume a paused task",
            description = "Its next run is one interval from now.")
    @APIResponse(
            responseCode = "200",
            description = "The task, enabled, with its next run",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Task"),
                            examples = @ExampleObject(name = "resumed", value = TASK_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such task (code unknown_task)")
    public JsonObject resume(
            @Parameter(description = "The task's name", example = "exit-sweep") @PathParam("name")
                    String name) {
        return TaskJson.of(scheduler.resume(name));
    }

    @PUT
    @Path("{name}/interval")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change how often a task runs, kept across restarts",
            description =
                    "A whole number of seconds from 1 to 604800 (7 days); the next run is the new"
                            + " interval's next slot (a multiple of it since the epoch), at most"
                            + " one interval from now.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "TaskInterval"),
                            examples =
                                    @ExampleObject(
                                            name = "every minute",
                                            value = "{\"intervalSeconds\":60}")))
    @APIResponse(
            responseCode = "200",
            description = "The task with its new interval",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Task"),
                            examples = @ExampleObject(name = "changed", value = TASK_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Not a whole number from 1 to 604800, or another field (code invalid_task,"
                            + " naming the field)")
    @APIResponse(responseCode = "404", description = "No such task (code unknown_task)")
    public JsonObject interval(
            @Parameter(description = "The task's name", example = "exit-sweep") @PathParam("name")
                    String name,
            JsonObject body) {
        tasks.get(name);
        return TaskJson.of(scheduler.reschedule(name, IntervalChange.from(body)));
    }
}

package org.tickerdesk.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
import org.tickerdesk.notifications.control.MessageJson;
import org.tickerdesk.notifications.control.NotificationChannels;
import org.tickerdesk.notifications.control.NotificationStore;
import org.tickerdesk.notifications.control.Outbox;
import org.tickerdesk.notifications.control.PreferenceMatrix;
import org.tickerdesk.notifications.control.Preferences;
import org.tickerdesk.notifications.entity.NotificationSnapshot;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.notifications.entity.PreferenceMode;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * Notifications over HTTP: what was recorded with each delivery's state, the preferences per type
 * and channel, the channels' states, and a test message through one channel. Private: reading needs
 * credentials, changing needs an admin token.
 */
@Path("v1/notifications")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String NOTIFICATION_EXAMPLE =
            "{\"id\":41,\"type\":\"EXIT_TRIGGERED\",\"title\":\"Exit triggered: AAPL\","
                    + "\"text\":\"STOP_LOSS fired on position 12 (BUY 10 AAPL): selling 10 at"
                    + " market as x-12-STOP_LOSS-1\",\"payload\":{\"positionId\":12,\"symbol\":"
                    + "\"AAPL\",\"rule\":\"STOP_LOSS\",\"clientOrderId\":\"x-12-STOP_LOSS-1\"},"
                    + "\"createdAt\":\"2025-11-20T14:41:12.985Z\",\"deliveries\":[{\"channel\":"
                    + "\"inapp\",\"state\":\"SENT\",\"silent\":false,\"attempts\":1,\"sentAt\":"
                    + "\"2025-11-20T14:41:12.990Z\"},{\"channel\":\"webhook\",\"state\":\"FAILED\","
                    + "\"silent\":false,\"attempts\":2,\"nextAttemptAt\":"
                    + "\"2025-11-20T14:41:28.001Z\",\"lastError\":\"The webhook answered 503\"}]}";

    static final String TEST_EXAMPLE =
            "{\"id\":42,\"type\":\"TEST\",\"title\":\"Test message\",\"text\":\"A test"
                    + " message through webhook from Tickerdesk.\",\"payload\":{\"channel\":"
                    + "\"webhook\"},\"createdAt\":\"2025-11-20T14:50:02.311Z\",\"deliveries\":"
                    + "[{\"channel\":\"webhook\",\"state\":\"PENDING\",\"silent\":false,"
                    + "\"attempts\":0,\"nextAttemptAt\":\"2025-11-20T14:50:02.311Z\"}]}";

    static final String PREFERENCES_EXAMPLE =
            "{\"channels\":[\"inapp\",\"webhook\",\"email\",\"telegram\"],\"types\":"
                    + "{\"EXIT_TRIGGERED\":{\"inapp\":\"ON\",\"webhook\":\"ON\",\"email\":\"ON\","
                    + "\"telegram\":\"SILENT\"},\"JOB_COMPLETED\":{\"inapp\":\"ON\",\"webhook\":"
                    + "\"OFF\",\"email\":\"OFF\",\"telegram\":\"OFF\"}}}";

    static final String CHANNELS_EXAMPLE =
            "[{\"name\":\"inapp\",\"configured\":true,\"target\":\"the bell of the admin pages and"
                + " the notifications stream\",\"failing\":false,\"consecutiveFailures\":0},"
                + "{\"name\":\"webhook\",\"configured\":true,\"target\":\"POST"
                + " https://example.com/hook, signed\",\"failing\":true,"
                + "\"consecutiveFailures\":5,\"failingSince\":\"2025-11-20T14:43:00.120Z\",\"lastError\":\"The"
                + " webhook answered 503\",\"lastErrorAt\":\"2025-11-20T14:58:00.130Z\"}]";

    @Inject NotificationStore store;

    @Inject Outbox outbox;

    @Inject Preferences preferences;

    @Inject NotificationChannels channels;

    @Inject Clock clock;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Notifications, newest first, each with its deliveries",
            description = "Page back with before=<the last id seen>.")
    @APIResponse(
            responseCode = "200",
            description = "The notifications",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Notifications"),
                            examples =
                                    @ExampleObject(
                                            name = "one",
                                            value = "[" + NOTIFICATION_EXAMPLE + "]")))
    @APIResponse(
            responseCode = "400",
            description =
                    "A limit outside 1 to 500 or a bad before (code invalid_notification_query)")
    public JsonArray list(
            @Parameter(description = "How many, 1 to 500, default 50", example = "50")
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "Only those older than this id", example = "41")
                    @QueryParam("before")
                    String before) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (NotificationSnapshot n :
                store.recent(
                        number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT).intValue(),
                        before == null ? null : number("before", before, 0, 1, Long.MAX_VALUE))) {
            array.add(MessageJson.of(n));
        }
        return array.build();
    }

    @GET
    @Path("preferences")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "How each type of notification goes through each channel")
    @APIResponse(
            responseCode = "200",
            description = "ON, SILENT or OFF per type and channel, defaults included",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NotificationPreferences"),
                            examples = @ExampleObject(name = "some", value = PREFERENCES_EXAMPLE)))
    public JsonObject preferences() {
        return preferences(preferences.matrix());
    }

    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change some preferences",
            description =
                    "{\"types\":{\"EXIT_TRIGGERED\":{\"telegram\":\"SILENT\"}}}: the pairs given"
                            + " change, the others stay.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NotificationPreferences"),
                            examples =
                                    @ExampleObject(
                                            name = "Telegram silent for exits",
                                            value =
                                                    "{\"types\":{\"EXIT_TRIGGERED\":{\"telegram\":"
                                                            + "\"SILENT\"}}}")))
    @APIResponse(
            responseCode = "200",
            description = "All preferences after the change",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NotificationPreferences"),
                            examples = @ExampleObject(name = "some", value = PREFERENCES_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "An unknown type, channel or mode, or another field; nothing changed (code"
                            + " invalid_preferences)")
    public JsonObject choose(JsonObject body) {
        return preferences(preferences.choose(choices(body), clock.instant()));
    }

    @GET
    @Path("channels")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The channels: configured or not, where they deliver, failing or not")
    @APIResponse(
            responseCode = "200",
            description = "Every channel",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NotificationChannels"),
                            examples = @ExampleObject(name = "two", value = CHANNELS_EXAMPLE)))
    public JsonArray channels() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        store.channels().forEach(c -> array.add(MessageJson.of(c)));
        return array.build();
    }

    @POST
    @Path("channels/{channel}/test")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Send a test message through one channel",
            description =
                    "Recorded at once and delivered right after, also when the channel's"
                            + " preference for TEST is OFF; silent when it is SILENT.")
    @APIResponse(
            responseCode = "202",
            description = "The test notification, its delivery on its way",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Notification"),
                            examples = @ExampleObject(name = "webhook", value = TEST_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such channel (code unknown_channel)")
    @APIResponse(
            responseCode = "409",
            description = "The channel is not configured (code channel_not_configured)")
    public Response test(
            @Parameter(description = "inapp, webhook, email or telegram", example = "webhook")
                    @PathParam("channel")
                    String channel) {
        return Response.accepted(MessageJson.of(outbox.test(channel))).build();
    }

    private JsonObject preferences(PreferenceMatrix matrix) {
        List<String> names = channels.names();
        JsonObjectBuilder types = JSON.createObjectBuilder();
        for (NotificationType type : NotificationType.values()) {
            JsonObjectBuilder modes = JSON.createObjectBuilder();
            names.forEach(channel -> modes.add(channel, matrix.mode(type, channel).name()));
            types.add(type.name(), modes);
        }
        return JSON.createObjectBuilder()
                .add("channels", JSON.createArrayBuilder(names))
                .add("types", types)
                .build();
    }

    /** Every fault at once, so a caller fixes them in one go; nothing is stored if any. */
    private Map<NotificationType, Map<String, PreferenceMode>> choices(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        Map<NotificationType, Map<String, PreferenceMode>> choices =
                new EnumMap<>(NotificationType.class);
        if (body == null) {
            throw invalid(List.of(new FieldError("body", "The body is {\"types\":{...}}")));
        }
        for (String key : body.keySet()) {
            if (!key.equals("types")) {
                errors.add(new FieldError(key, "Unknown field '" + key + "'; the body has types"));
            }
        }
        JsonValue types = body.get("types");
        if (types == null || types.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(
                    new FieldError(
                            "types",
                            "types is an object of type names, each an object of channel names"
                                    + " to ON, SILENT or OFF"));
            throw invalid(errors);
        }
        List<String> names = channels.names();
        for (Map.Entry<String, JsonValue> entry : types.asJsonObject().entrySet()) {
            String field = "types." + entry.getKey();
            NotificationType type = type(entry.getKey());
            if (type == null) {
                errors.add(new FieldError(field, "Unknown type '" + entry.getKey() + "'"));
                continue;
            }
            if (entry.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(new FieldError(field, field + " is an object of channel names"));
                continue;
            }
            Map<String, PreferenceMode> modes = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> mode : entry.getValue().asJsonObject().entrySet()) {
                String modeField = field + "." + mode.getKey();
                if (!names.contains(mode.getKey())) {
                    errors.add(
                            new FieldError(
                                    modeField,
                                    "Unknown channel '"
                                            + mode.getKey()
                                            + "'; the channels are "
                                            + String.join(", ", names)));
                    continue;
                }
                PreferenceMode chosen = mode(mode.getValue());
                if (chosen == null) {
                    errors.add(new FieldError(modeField, modeField + " is ON, SILENT or OFF"));
                    continue;
                }
                modes.put(mode.getKey(), chosen);
            }
            choices.put(type, modes);
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return choices;
    }

    private static NotificationType type(String name) {
        try {
            return NotificationType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static PreferenceMode mode(JsonValue value) {
        if (!(value instanceof JsonString text)) {
            return null;
        }
        try {
            return PreferenceMode.valueOf(text.getString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "invalid_preferences", "Invalid preferences", errors);
    }

    private static Long number(String name, String text, long otherwise, long min, long max) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(
                400,
                "invalid_notification_query",
                "Invalid query",
                List.of(
                        new FieldError(
                                name,
                                name
                                        + " is a whole number from "
                                        + min
                                        + (max == Long.MAX_VALUE ? " up" : " to " + max)
                                        + ", not '"
                                        + text
                                        + "'")));
    }
}

package org.tickerdesk.trading.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.trading.control.ExitRulesJson;
import org.tickerdesk.trading.control.InvalidPositionException;
import org.tickerdesk.trading.control.Positions;

/** The exit rules a new position gets when it names none, for the account in use. */
@Path("v1/exit-defaults")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExitDefaultsResource {

    /** A 2 % stop and a 5 % target, as the API writes rules back: numbers as decimals. */
    static final String RULES_EXAMPLE =
            "{\"stopLoss\":{\"percent\":2.0},\"takeProfit\":[{\"percent\":5.0,"
                    + "\"fraction\":1.0}],\"triggerPrice\":\"LAST\",\"exitOrder\":"
                    + "{\"type\":\"MARKET\"},\"brokerProtection\":\"NONE\"}";

    @Inject Positions positions;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "The account's default exit rules",
            description =
                    "Until they are set: none, {\"triggerPrice\":\"LAST\",\"exitOrder\":"
                            + "{\"type\":\"MARKET\"},\"brokerProtection\":\"NONE\"}.")
    @APIResponse(
            responseCode = "200",
            description = "The rules",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "ExitRules"),
                            examples =
                                    @ExampleObject(
                                            name = "stop and target",
                                            value = RULES_EXAMPLE)))
    public JsonObject get() {
        return ExitRulesJson.write(ExitRulesJson.read(positions.defaultsJson()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace the account's default exit rules",
            description = "Positions opened before keep theirs.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "ExitRules"),
                            examples =
                                    @ExampleObject(
                                            name = "stop and target",
                                            value =
                                                    "{\"stopLoss\":{\"percent\":2},"
                                                            + "\"takeProfit\":{\"percent\":5}}")))
    @APIResponse(
            responseCode = "200",
            description = "The rules as stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "ExitRules"),
                            examples =
                                    @ExampleObject(
                                            name = "stop and target",
                                            value = RULES_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid rules (code invalid_position)")
    public JsonObject put(JsonObject rules) {
        if (rules == null || rules.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidPositionException(
                    "rules", "The body must be the rules, a JSON object");
        }
        return ExitRulesJson.write(positions.defaults(rules));
    }
}

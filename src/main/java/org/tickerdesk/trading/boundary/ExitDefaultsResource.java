package org.tickerdesk.trading.boundary;

import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.trading.control.ExitRulesJson;
import org.tickerdesk.trading.control.InvalidPositionException;
import org.tickerdesk.trading.control.Positions;

/** The exit rules a new position gets when it names none, for the account in use. */
@Path("v1/exit-defaults")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExitDefaultsResource {

    @Inject Positions positions;

    @GET
    @Operation(summary = "The account's default exit rules")
    @APIResponse(responseCode = "200", description = "The rules")
    public JsonObject get() {
        return ExitRulesJson.write(ExitRulesJson.read(positions.defaultsJson()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace the account's default exit rules",
            description = "Positions opened before keep theirs.")
    @APIResponse(responseCode = "200", description = "The rules as stored")
    @APIResponse(responseCode = "400", description = "Invalid rules (code invalid_position)")
    public JsonObject put(JsonObject rules) {
        if (rules == null || rules.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidPositionException(
                    "rules", "The body must be the rules, a JSON object");
        }
        return ExitRulesJson.write(positions.defaults(rules));
    }
}

package org.tickerdesk.trading.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.entity.BrokerStatus;

/** Which broker receives orders, over HTTP. */
@Path("v1/broker")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BrokerResource {

    @Inject OrderDesk desk;

    @GET
    @Operation(
            summary = "The broker that receives orders",
            description =
                    "name: paper or ibkr; live: true when orders reach a real broker; connected:"
                            + " whether it can take orders now; detail: what it is doing.")
    @APIResponse(
            responseCode = "200",
            description = "The broker",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "BrokerView"),
                            examples =
                                    @ExampleObject(
                                            name = "paper",
                                            value =
                                                    "{\"name\":\"paper\",\"live\":false,"
                                                            + "\"connected\":true,\"detail\":"
                                                            + "\"Simulated fills at the latest"
                                                            + " quote\"}")))
    public BrokerView broker() {
        BrokerStatus status = desk.broker();
        return new BrokerView(status.name(), status.live(), status.connected(), status.detail());
    }

    /** The broker as JSON. */
    public record BrokerView(String name, boolean live, boolean connected, String detail) {}
}

package org.tickerdesk.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API. Its resources live under {@code /api/v1}; the application itself takes all of
 * {@code /api}, so that a path no resource knows is still answered with a problem document (404),
 * never the server's HTML page. Reads are open unless {@code tickerdesk.api.read-requires-token} is
 * set; writes need {@code Authorization: Bearer <token>}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Tickerdesk",
                        version = "1",
                        description =
                                "Instruments, quotes, history, orders and the operations of a"
                                    + " Tickerdesk server. Every error is application/problem+json"
                                    + " (RFC 9457) with a stable code; a validation error lists"
                                    + " each field at fault under errors."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class RestApplication extends Application {}

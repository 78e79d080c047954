package org.tickerdesk.platform.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tickerdesk.platform.control.ProblemException;

/** The one way a problem becomes an HTTP answer: its status, {@code application/problem+json}. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {}

    public static Response response(ProblemException problem) {
        return Response.status(problem.status())
                .type(PROBLEM_JSON)
                .entity(problem.toJson().toString())
                .build();
    }
}

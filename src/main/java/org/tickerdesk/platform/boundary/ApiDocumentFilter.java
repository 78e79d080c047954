package org.tickerdesk.platform.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.tickerdesk.platform.control.ProblemException;

/**
 * Completes the OpenAPI document with what every operation shares, so each resource need only
 * describe its own answers: the refusals of the strict body reader (400, 413, 415) where there is a
 * body, 401 where a token is needed, 500 everywhere, and for every error the problem document as
 * its content, with an example carrying the code the description names ("(code ...)").
 */
public class ApiDocumentFilter implements OASFilter {

    private static final Pattern CODE = Pattern.compile("\\(code (\\w+)\\)");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getRequestBody() != null) {
            add(
                    responses,
                    "400",
                    "The body is not one JSON object, repeats a key, nests deeper than 32 levels or"
                            + " has text after it (code bad_request)");
            add(
                    responses,
                    "413",
                    "The body is larger than tickerdesk.api.max-body-bytes (code"
                            + " payload_too_large)");
            add(responses, "415", "The body is not application/json (code unsupported_media_type)");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401", "No valid bearer token (code unauthorized)");
        }
        add(
                responses,
                "500",
                "A failure of the server, logged under the id the detail names (code"
                        + " internal_error)");
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach(ApiDocumentFilter::problemContent);
        }
        return operation;
    }

    private static void add(APIResponses responses, String status, String description) {
        APIResponse known =
                responses.getAPIResponses() == null
                        ? null
                        : responses.getAPIResponses().get(status);
        if (known == null) {
            responses.addAPIResponse(
                    status, OASFactory.createAPIResponse().description(description));
        } else if (known.getDescription() == null
                || !known.getDescription().contains(description)) {
            known.setDescription(
                    (known.getDescription() == null ? "" : known.getDescription() + "; or ")
                            + description);
        }
    }

    private static void problemContent(String status, APIResponse response) {
        int code = Integer.parseInt(status.length() == 3 ? status : "200");
        if (code < 400 || hasContent(response)) {
            return;
        }
        Matcher named =
                CODE.matcher(response.getDescription() == null ? "" : response.getDescription());
        String problemCode = named.find() ? named.group(1) : HttpErrorMapper.code(code);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemException.TYPE_PREFIX + problemCode);
        example.put("title", title(code));
        example.put("status", code);
        example.put("detail", response.getDescription());
        example.put("code", problemCode);
        response.setContent(
                OASFactory.createContent()
                        .addMediaType(
                                Problems.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(
                                                OASFactory.createSchema()
                                                        .ref("#/components/schemas/Problem"))
                                        .addExample(
                                                problemCode,
                                                OASFactory.createExample().value(example))));
    }

    private static boolean hasContent(APIResponse response) {
        return response.getContent() != null
                && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }

    private static String title(int status) {
        jakarta.ws.rs.core.Response.Status known =
                jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}

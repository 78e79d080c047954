package org.tickerdesk.platform.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.control.StrictJson;

/**
 * Every JSON body the API takes is read here, strictly ({@link StrictJson}), instead of by the
 * lenient reader Jakarta REST brings: at most {@code tickerdesk.api.max-body-bytes}, one object
 * (or, where a resource takes a {@link JsonStructure}, one object or one array), no duplicate keys,
 * no trailing text, no deep nesting.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<JsonStructure> {

    static final String MAX_BODY_BYTES = "tickerdesk.api.max-body-bytes";

    private final StrictJson json =
            new StrictJson(
                    ConfigProvider.getConfig()
                            .getOptionalValue(MAX_BODY_BYTES, Long.class)
                            .orElse(StrictJson.DEFAULT_MAX_BYTES));

    @Override
    public boolean isReadable(
            Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class || type == JsonStructure.class;
    }

    @Override
    public JsonStructure readFrom(
            Class<JsonStructure> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        json.checkAnnouncedLength(contentLength(headers.getFirst(HttpHeaders.CONTENT_LENGTH)));
        return JsonObject.class.equals(type) ? json.readObject(body) : json.readStructure(body);
    }

    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Content-Length is not a number");
        }
    }
}

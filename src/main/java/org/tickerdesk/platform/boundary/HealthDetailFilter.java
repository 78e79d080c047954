package org.tickerdesk.platform.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Health stays public, so that load balancers and the launcher need no credentials, but a stranger
 * learns only each check's name and state: the details (database version, where TWS is, why it is
 * down) need a token or the admin's login.
 */
@WebFilter(
        filterName = "health-detail",
        urlPatterns = {"/health", "/health/*"})
public class HealthDetailFilter extends HttpFilter {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            chain.doFilter(request, response);
            return;
        }
        Buffered buffered = new Buffered(response);
        chain.doFilter(request, buffered);
        byte[] body = withoutDetail(buffered.body());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The health answer with every check's {@code data} left out; anything else unchanged. */
    static byte[] withoutDetail(byte[] health) {
        JsonObject answer;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(health))) {
            answer = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return health;
        }
        JsonObjectBuilder out = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> field : answer.entrySet()) {
            if (field.getKey().equals("checks")
                    && field.getValue().getValueType() == JsonValue.ValueType.ARRAY) {
                JsonArrayBuilder checks = JSON.createArrayBuilder();
                for (JsonValue check : field.getValue().asJsonArray()) {
                    checks.add(
                            check.getValueType() == JsonValue.ValueType.OBJECT
                                    ? JSON.createObjectBuilder(check.asJsonObject())
                                            .remove("data")
                                            .build()
                                    : check);
                }
                out.add("checks", checks);
            } else {
                out.add(field.getKey(), field.getValue());
            }
        }
        return out.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps what the health endpoint writes, so that it can be trimmed before it is sent. */
    private static final class Buffered extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private final ServletOutputStream stream =
                new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new IllegalStateException("health answers are written at once");
                    }
                };

        Buffered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            // the trimmed answer is shorter; its length is set when it is sent
        }

        @Override
        public void setContentLengthLong(long length) {
            // as above
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }
    }
}

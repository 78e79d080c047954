package org.tickerdesk.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Payara serves the OpenAPI document as JSON ({@code Accept: application/json} or {@code
 * ?format=json}) or as YAML, but labels the YAML {@code text/plain}; this filter labels it {@code
 * application/yaml}, so tools recognise what they fetched.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"})
public class OpenApiMediaType extends HttpFilter {

    static final String YAML = "application/yaml;charset=UTF-8";

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new Relabelled(response));
    }

    static String relabel(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("text/plain")
                ? YAML
                : contentType;
    }

    private static final class Relabelled extends HttpServletResponseWrapper {

        Relabelled(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(relabel(type));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, isContentType(name) ? relabel(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, isContentType(name) ? relabel(value) : value);
        }

        private static boolean isContentType(String name) {
            return "Content-Type".equalsIgnoreCase(name);
        }
    }
}

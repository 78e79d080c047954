package org.tickerdesk.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Origins as a browser names them and as a request's scheme and Host header give them. */
class WebOriginTest {

    @Test
    void anOriginHeaderIsSchemeHostAndPort() {
        assertEquals(
                Optional.of(new WebOrigin("http", "localhost", 8080)),
                WebOrigin.ofHeader("http://localhost:8080"));
    }

    @Test
    void theSchemesPortIsImplied() {
        assertEquals(
                WebOrigin.ofHeader("https://desk.example.com"),
                WebOrigin.ofRequest("https", "desk.example.com:443"));
        assertEquals(
                WebOrigin.ofHeader("http://desk.example.com"),
                WebOrigin.ofRequest("http", "desk.example.com:80"));
    }

    @Test
    void schemeAndHostAreComparedWithoutCase() {
        assertEquals(
                WebOrigin.ofHeader("HTTP://Desk.Example.COM:8080"),
                WebOrigin.ofRequest("http", "desk.example.com:8080"));
    }

    @Test
    void anotherPortSchemeOrHostIsAnotherOrigin() {
        Optional<WebOrigin> own = WebOrigin.ofRequest("http", "localhost:8080");

        assertNotEquals(own, WebOrigin.ofHeader("http://localhost:8081"));
        assertNotEquals(own, WebOrigin.ofHeader("https://localhost:8080"));
        assertNotEquals(own, WebOrigin.ofHeader("http://localhost.evil.example:8080"));
        assertNotEquals(own, WebOrigin.ofHeader("http://127.0.0.1:8080"));
    }

    @Test
    void anIpv6HostKeepsItsBrackets() {
        assertEquals(
                Optional.of(new WebOrigin("http", "[::1]", 8080)),
                WebOrigin.ofRequest("http", "[::1]:8080"));
        assertEquals(
                WebOrigin.ofHeader("http://[::1]:8080"), WebOrigin.ofRequest("http", "[::1]:8080"));
    }

    @Test
    void whatIsNotAnOriginIsNone() {
        assertTrue(WebOrigin.ofHeader(null).isEmpty());
        assertTrue(WebOrigin.ofHeader("null").isEmpty(), "an opaque origin");
        assertTrue(WebOrigin.ofHeader("file://").isEmpty());
        assertTrue(WebOrigin.ofHeader("http://localhost:8080/path").isEmpty());
        assertTrue(WebOrigin.ofHeader("http://user@localhost:8080").isEmpty());
        assertTrue(WebOrigin.ofHeader("ftp://localhost").isEmpty());
        assertTrue(WebOrigin.ofRequest("http", "localhost:8080/x").isEmpty());
        assertTrue(WebOrigin.ofRequest("http", null).isEmpty());
    }
}

package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

    @Test
    void namesTheChecksThatAreDown() {
        String health =
                """
                {"status":"DOWN","checks":[{"name":"database","status":"UP","data":{}},\
                {"name":"market-data","status":"DOWN","data":{"state":"DISCONNECTED"}},\
                { "name" : "ibkr" , "status" : "DOWN" }]}\
                """;
        assertEquals(List.of("market-data", "ibkr"), ReadinessProbe.down(health));
    }

    @Test
    void nothingIsDownWhenAllAreUp() {
        assertEquals(
                List.of(),
                ReadinessProbe.down(
                        "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}"));
    }
}

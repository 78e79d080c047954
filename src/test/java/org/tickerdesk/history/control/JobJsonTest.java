package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.testing.SampleJobs;

/** The JSON of a collection, as the jobs stream, the REST API and the Jobs page read it. */
class JobJsonTest {

    @Test
    void aRunningCollectionWithEveryValue() {
        assertEquals(
                json(
                        """
                        {"id":7,"status":"STARTED","requestedBy":"admin",
                         "createdAt":"2025-11-20T14:30:00Z","updatedAt":"2025-11-20T14:30:12Z",
                         "source":"simulated","instruments":["AAPL","MSFT"],"barSize":"1m",
                         "from":"2025-10-21T00:00:00Z","to":"2025-11-20T00:00:00Z","toNow":false,
                         "incremental":false,"gapsOnly":false,"whatToShow":"TRADES","rthOnly":true,
                         "windowsDone":30,"windowsTotal":60,"barsWritten":11700,"barsSkipped":2,
                         "retries":1,"barsPerSecond":975.5,"eta":"2025-11-20T14:30:24Z",
                         "lastError":null,
                         "partitions":[
                          {"symbol":"AAPL","status":"STARTED","windowsDone":20,"windowsTotal":30,
                           "barsWritten":7800,"barsSkipped":2,"retries":1,"lastError":"timed out"},
                          {"symbol":"MSFT","status":"STARTED","windowsDone":10,"windowsTotal":30,
                           "barsWritten":3900,"barsSkipped":0,"retries":0,"lastError":null}]}
                        """),
                JobJson.of(SampleJobs.running(7)));
    }

    @Test
    void anIncrementalCollectionUpToNowHasNeitherFromNorToButSaysToNow() {
        JobSnapshot job =
                new JobSnapshot(
                        8,
                        JobStatus.STARTING,
                        "api-admin",
                        SampleJobs.CREATED,
                        SampleJobs.CREATED,
                        new CollectionRequest(
                                HistorySourceName.YAHOO,
                                List.of("NVDA"),
                                BarSize.DAY_1,
                                null,
                                null,
                                true,
                                false,
                                WhatToShow.TRADES,
                                false,
                                null),
                        0,
                        0,
                        0,
                        0,
                        0,
                        Double.NaN,
                        null,
                        null,
                        List.of());

        JsonObject json = JobJson.of(job);

        assertEquals(JsonValue.NULL, json.get("from"));
        assertEquals(JsonValue.NULL, json.get("to"));
        assertEquals(JsonValue.TRUE, json.get("toNow"));
        assertEquals(JsonValue.TRUE, json.get("incremental"));
        assertEquals(JsonValue.NULL, json.get("barsPerSecond"), "a rate not known is null");
        assertEquals(JsonValue.NULL, json.get("eta"));
        assertEquals("yahoo", json.getString("source"));
        assertEquals("1d", json.getString("barSize"));
        assertEquals(0, json.getJsonArray("partitions").size());
    }

    @Test
    void aFailedCollectionCarriesItsLastError() {
        JobSnapshot failed = SampleJobs.at(SampleJobs.running(9), JobStatus.FAILED, 31, 40);
        JobSnapshot withError =
                new JobSnapshot(
                        failed.id(),
                        failed.status(),
                        failed.requestedBy(),
                        failed.createdAt(),
                        failed.updatedAt(),
                        failed.request(),
                        failed.windowsDone(),
                        failed.windowsTotal(),
                        failed.barsWritten(),
                        failed.barsSkipped(),
                        failed.retries(),
                        0,
                        null,
                        "AAPL: the source refused the request",
                        failed.partitions());

        JsonObject json = JobJson.of(withError);

        assertEquals("FAILED", json.getString("status"));
        assertEquals("AAPL: the source refused the request", json.getString("lastError"));
        assertEquals(JsonValue.NULL, json.get("eta"));
        assertEquals("2025-11-20T14:30:40Z", json.getString("updatedAt"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}

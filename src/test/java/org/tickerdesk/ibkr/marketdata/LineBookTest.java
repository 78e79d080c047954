package org.tickerdesk.ibkr.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.marketdata.LineState.Status;
import org.tickerdesk.instruments.entity.Contract;

class LineBookTest {

    private final LineBook book = new LineBook(2);
    private final AtomicInteger ids = new AtomicInteger();

    private List<String> grant() {
        return book.grant(ids::incrementAndGet).stream().map(LineBook.Line::symbol).toList();
    }

    @Test
    void grantsUpToTheLimitThenQueuesFirstComeFirstServed() {
        for (String symbol : List.of("A", "B", "C", "D")) {
            book.want(Contract.stock(symbol, "SMART"));
        }
        assertFalse(book.want(Contract.stock("C", "SMART")));
        assertEquals(List.of("A", "B"), grant());
        assertEquals(List.of(), grant());
        assertEquals(List.of("C", "D"), book.waiting());
        assertEquals(1, book.drop("A").reqId);
        assertEquals(List.of("C"), grant());
        assertEquals(0, book.drop("D").reqId);
        assertEquals(List.of(), book.waiting());
        assertEquals(2, book.linesInUse());
    }

    @Test
    void aRefusalFreesTheLineAndTheReconnectRetriesIt() {
        book.want(Contract.stock("A", "SMART"));
        book.want(Contract.stock("B", "SMART"));
        book.want(Contract.stock("C", "SMART"));
        grant();
        book.refuse(1, Status.NO_PERMISSION, "[354] no permission");
        assertEquals(Status.NO_PERMISSION, book.state("A").status());
        assertEquals(List.of("C"), grant());
        Map<LineBook.Line, Integer> renewed = book.renew(ids::incrementAndGet, true);
        assertEquals(List.of(2, 3), renewed.values().stream().sorted().toList());
        renewed.keySet().forEach(line -> assertEquals(Status.REQUESTED, line.status));
        assertEquals(List.of("A"), book.waiting());
        assertEquals(2, book.linesInUse());
    }

    @Test
    void theFirstDataKeepsAStateIbExplainedBefore() {
        book.want(Contract.stock("A", "SMART"));
        grant();
        book.mark(1, Status.DELAYED, "[10167] delayed");
        book.started(1, Status.STREAMING, "streaming");
        assertEquals("[10167] delayed", book.state("A").detail());
        assertEquals(Status.NOT_SUBSCRIBED, book.state("Z").status());
    }
}

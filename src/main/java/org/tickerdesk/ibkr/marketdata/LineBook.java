package org.tickerdesk.ibkr.marketdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.tickerdesk.ibkr.marketdata.LineState.Status;
import org.tickerdesk.instruments.entity.Contract;

/**
 * Which wanted symbols hold one of the account's market-data lines, under which request id, and
 * which wait for one in the order they asked. Never hands out more than {@code maxLines} lines; a
 * line freed by an unsubscribe or a refusal goes to the longest waiter. Only bookkeeping: the
 * caller sends the requests and cancellations it reports. Not thread-safe; the caller locks.
 */
final class LineBook {

    /** One wanted symbol; {@code reqId} is 0 while it holds no line. */
    static final class Line {
        final Contract contract;
        int reqId;
        Status status = Status.WAITING_FOR_LINE;
        String detail = "";

        Line(Contract contract) {
            this.contract = contract;
        }

        String symbol() {
            return contract.symbol();
        }
    }

    private final int maxLines;
    private final Map<String, Line> wanted = new LinkedHashMap<>();
    private final Map<Integer, Line> byRequest = new HashMap<>();
    private final Set<String> waiting = new LinkedHashSet<>();

    LineBook(int maxLines) {
        this.maxLines = maxLines;
    }

    /**
     * @return false when the symbol was already wanted (subscribing twice is harmless)
     */
    boolean want(Contract contract) {
        if (wanted.containsKey(contract.symbol())) {
            return false;
        }
        Line line = new Line(contract);
        line.detail = "Waiting for a free market-data line (" + maxLines + " in use)";
        wanted.put(contract.symbol(), line);
        waiting.add(contract.symbol());
        return true;
    }

    /**
     * Gives free lines to the longest waiters, each with a fresh request id; the caller requests
     * them.
     */
    List<Line> grant(IntSupplier requestIds) {
        List<Line> granted = new ArrayList<>();
        var it = waiting.iterator();
        while (it.hasNext() && byRequest.size() < maxLines) {
            Line line = wanted.get(it.next());
            it.remove();
            assign(line, requestIds.getAsInt(), "Requested from TWS");
            granted.add(line);
        }
        return granted;
    }

    /** Forgets the symbol; the returned line's request id, if not 0, is the one to cancel. */
    Line drop(String symbol) {
        Line line = wanted.remove(symbol);
        if (line == null) {
            return null;
        }
        waiting.remove(symbol);
        byRequest.remove(line.reqId);
        return line;
    }

    Line byRequest(int reqId) {
        return byRequest.get(reqId);
    }

    /**
     * IB refused the request (no such contract, no permission): it frees its line and keeps the
     * reason.
     */
    Line refuse(int reqId, Status status, String detail) {
        Line line = byRequest.remove(reqId);
        if (line != null) {
            line.reqId = 0;
            line.status = status;
            line.detail = detail;
        }
        return line;
    }

    /** Data flows (or IB said it is delayed) for this request. */
    void mark(int reqId, Status status, String detail) {
        Line line = byRequest.get(reqId);
        if (line != null) {
            line.status = status;
            line.detail = detail;
        }
    }

    /** The first data arrived; a state IB explained before (delayed instead of live) is kept. */
    void started(int reqId, Status status, String detail) {
        Line line = byRequest.get(reqId);
        if (line != null && line.status == Status.REQUESTED) {
            line.status = status;
            line.detail = detail;
        }
    }

    /** The connection is gone: every line waits to be requested again. */
    void interrupted(String detail) {
        byRequest
                .values()
                .forEach(
                        line -> {
                            line.status = Status.REQUESTED;
                            line.detail = detail;
                        });
    }

    /**
     * Every line gets a new request id, to be requested again (after a reconnect or error 1101);
     * with {@code retryRefused} the refused symbols queue again too, as permissions may have
     * changed.
     *
     * @return the lines with the request id each had before, which the caller may cancel
     */
    Map<Line, Integer> renew(IntSupplier requestIds, boolean retryRefused) {
        Map<Line, Integer> renewed = new LinkedHashMap<>();
        for (Line line : List.copyOf(byRequest.values())) {
            renewed.put(line, line.reqId);
            byRequest.remove(line.reqId);
            assign(line, requestIds.getAsInt(), "Requested again from TWS");
        }
        if (retryRefused) {
            wanted.values().stream()
                    .filter(l -> l.reqId == 0 && !waiting.contains(l.symbol()))
                    .forEach(l -> waiting.add(l.symbol()));
        }
        return renewed;
    }

    List<String> waiting() {
        return List.copyOf(waiting);
    }

    List<Line> holding() {
        return List.copyOf(byRequest.values());
    }

    int linesInUse() {
        return byRequest.size();
    }

    /** Every wanted symbol's state, in the order they were first wanted. */
    List<LineState> states() {
        return wanted.values().stream()
                .map(l -> new LineState(l.symbol(), l.status, l.detail))
                .toList();
    }

    LineState state(String symbol) {
        Line line = wanted.get(symbol);
        if (line == null) {
            return new LineState(symbol, Status.NOT_SUBSCRIBED, "Not subscribed");
        }
        return new LineState(symbol, line.status, line.detail);
    }

    private void assign(Line line, int reqId, String detail) {
        line.reqId = reqId;
        line.status = Status.REQUESTED;
        line.detail = detail;
        byRequest.put(reqId, line);
    }
}

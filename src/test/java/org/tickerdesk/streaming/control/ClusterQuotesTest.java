package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.streaming.control.Fixtures.quote;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.control.TickRelay;
import org.tickerdesk.marketdata.entity.NumberedQuote;

/**
 * In a cluster a quote stream is numbered by the leader: the term's epoch and the tick's number, so
 * that every member sends the same message alike and a client resumes on any member, also across a
 * takeover, from what that member kept. Two hubs stand for two members fed the same ticks; the
 * fixtures' streams keep their last 5 messages for 60 seconds.
 */
class ClusterQuotesTest {

    private static final String LEADER = "0b7d3c55-9f2c-4e1a-8a10-3f9a0c1b7d2e";
    private static final String NEXT_LEADER = "9f2c4e1a-0b7d-3c55-8a10-7d2e3f9a0c1b";

    /** "t" and the term, then the leader's UUID's first 12 hex digits. */
    private static final String TERM_4 = "t4-0b7d3c559f2c";

    private static final String TERM_5 = "t5-9f2c4e1a0b7d";

    private final Fixtures memberA = new Fixtures();
    private final Fixtures memberB = new Fixtures();
    private final FakeClient onA = new FakeClient();
    private final FakeClient onB = new FakeClient();

    private static void tick(Fixtures member, long term, String leader, long number, double last) {
        member.hub.onNumberedQuote(new NumberedQuote(quote("AAPL", last), term, leader, number));
    }

    /** Ticks of term 4 with the numbers given, each last price its number. */
    private static void ticks(Fixtures member, long... numbers) {
        for (long number : numbers) {
            tick(member, 4, LEADER, number, number);
        }
    }

    private static void subscribe(Fixtures member, FakeClient socket, String extra) {
        member.hub.receive(
                member.connect(socket),
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:AAPL\"]" + extra + "}");
    }

    private static String since(String epoch, long offset) {
        return ",\"since\":{\"quotes:AAPL\":{\"epoch\":\""
                + epoch
                + "\",\"offset\":"
                + offset
                + "}}";
    }

    private static List<String> positions(FakeClient socket, String type) {
        return socket.messages(type).stream()
                .map(m -> m.getString("epoch") + "/" + m.getInt("offset"))
                .toList();
    }

    private static List<String> types(FakeClient socket) {
        return socket.messages().stream().map(m -> m.getString("type")).toList();
    }

    @Test
    void theSameTickIsTheSameMessageOnEveryMemberNumberedByTheLeadersTermAndItsNumber() {
        subscribe(memberA, onA, "");
        subscribe(memberB, onB, "");

        ticks(memberA, 1, 2);
        ticks(memberB, 1, 2);

        assertEquals(List.of(TERM_4 + "/1", TERM_4 + "/2"), positions(onA, "quote"));
        assertEquals(onA.messages("quote"), onB.messages("quote"));
    }

    @Test
    void aMemberOfAClusterSendsATickOnlyAsTheLeaderNumberedItNotAlsoAsItsOwn() {
        memberB.hub.relay =
                new TickRelay() {
                    @Override
                    public boolean active() {
                        return true;
                    }
                };
        subscribe(memberB, onB, "");

        memberB.hub.onQuote(quote("AAPL", 1));
        ticks(memberB, 1);

        assertEquals(List.of(TERM_4 + "/1"), positions(onB, "quote"));
    }

    @Test
    void aClientMovingToAnotherMemberIsRecoveredFromThatMembersHistoryWithoutGapOrRepeat() {
        subscribe(memberA, onA, "");
        ticks(memberA, 1, 2);
        ticks(memberB, 1, 2, 3, 4);

        subscribe(memberB, onB, since(TERM_4, 2));
        ticks(memberB, 5);

        assertEquals(List.of("ack", "recovery", "quote", "quote", "quote"), types(onB));
        JsonObject recovery = onB.messages("recovery").get(0);
        assertTrue(recovery.getBoolean("recovered"), "no client had watched it on B");
        assertEquals(TERM_4, recovery.getString("epoch"));
        assertEquals(4, recovery.getInt("offset"));
        assertEquals(List.of(TERM_4 + "/3", TERM_4 + "/4", TERM_4 + "/5"), positions(onB, "quote"));
    }

    @Test
    void afterATakeoverAPositionInTheOldTermGetsTheRestOfItThenTheNewTerm() {
        ticks(memberB, 1, 2, 3);
        tick(memberB, 5, NEXT_LEADER, 1, 11);
        tick(memberB, 5, NEXT_LEADER, 2, 12);

        subscribe(memberB, onB, since(TERM_4, 2));
        tick(memberB, 5, NEXT_LEADER, 3, 13);

        JsonObject recovery = onB.messages("recovery").get(0);
        assertTrue(recovery.getBoolean("recovered"));
        assertEquals(TERM_5, recovery.getString("epoch"));
        assertEquals(2, recovery.getInt("offset"));
        assertEquals(
                List.of(TERM_4 + "/3", TERM_5 + "/1", TERM_5 + "/2", TERM_5 + "/3"),
                positions(onB, "quote"));
    }

    @Test
    void aPositionAtTheLastMessageOfTheOldTermGetsTheNewTermFromItsStart() {
        ticks(memberB, 1, 2, 3);
        tick(memberB, 5, NEXT_LEADER, 1, 11);

        subscribe(memberB, onB, since(TERM_4, 3));

        assertTrue(onB.messages("recovery").get(0).getBoolean("recovered"));
        assertEquals(List.of(TERM_5 + "/1"), positions(onB, "quote"));
    }

    @Test
    void aPositionPastTheLastMessageThisMemberHadOfTheOldTermIsNotRecovered() {
        ticks(memberB, 1, 2, 3);
        tick(memberB, 5, NEXT_LEADER, 1, 11);

        subscribe(memberB, onB, since(TERM_4, 4));

        assertEquals(List.of("ack", "recovery", "snapshot"), types(onB));
        JsonObject recovery = onB.messages("recovery").get(0);
        assertFalse(recovery.getBoolean("recovered"));
        assertEquals("offset_ahead", recovery.getString("reason"));
        assertEquals(
                "Epoch " + TERM_4 + " of quotes:AAPL ended here at offset 3, before 4",
                recovery.getString("message"));
        assertEquals(List.of(TERM_5 + "/1"), positions(onB, "snapshot"));
    }

    @Test
    void anOldTermWhoseStartIsNoLongerKeptIsAHistoryOverrun() {
        ticks(memberB, 1, 2, 3, 4, 5, 6, 7);
        tick(memberB, 5, NEXT_LEADER, 1, 11);

        subscribe(memberB, onB, since(TERM_4, 1));

        JsonObject recovery = onB.messages("recovery").get(0);
        assertFalse(recovery.getBoolean("recovered"));
        assertEquals("history_overrun", recovery.getString("reason"));
        assertEquals(
                "The messages of quotes:AAPL after offset 1 are no longer kept; the oldest kept is"
                        + " 4",
                recovery.getString("message"));
    }

    @Test
    void aMemberThatMissedTicksKeepsNothingFromBeforeTheGap() {
        ticks(memberB, 1, 2, 5);

        subscribe(memberB, onB, since(TERM_4, 2));

        JsonObject recovery = onB.messages("recovery").get(0);
        assertFalse(recovery.getBoolean("recovered"));
        assertEquals("history_overrun", recovery.getString("reason"));
        assertEquals(List.of(TERM_4 + "/5"), positions(onB, "snapshot"));
    }

    @Test
    void aNewTermThisMemberDidNotSeeFromItsStartEndsWhatWasKeptOfTheOldOne() {
        ticks(memberB, 1, 2, 3);
        tick(memberB, 5, NEXT_LEADER, 2, 12);

        subscribe(memberB, onB, since(TERM_4, 3));

        JsonObject recovery = onB.messages("recovery").get(0);
        assertFalse(recovery.getBoolean("recovered"));
        assertEquals("epoch_changed", recovery.getString("reason"));
        assertEquals(
                "Epoch "
                        + TERM_4
                        + " is not in the recent messages of quotes:AAPL here, whose epoch is "
                        + TERM_5,
                recovery.getString("message"));
    }

    @Test
    void aLateTickOfAnEarlierTermAndARepeatedOneAreDropped() {
        subscribe(memberB, onB, "");
        ticks(memberB, 1);
        tick(memberB, 5, NEXT_LEADER, 1, 11);

        ticks(memberB, 2);
        tick(memberB, 5, NEXT_LEADER, 1, 11);
        tick(memberB, 5, NEXT_LEADER, 2, 12);

        assertEquals(List.of(TERM_4 + "/1", TERM_5 + "/1", TERM_5 + "/2"), positions(onB, "quote"));
    }

    @Test
    void aPositionOfAMembersOwnEpochIsNotRecoveredAndTheSnapshotIsInTheTermsEpoch() {
        ticks(memberB, 1, 2);

        subscribe(memberB, onB, since(Fixtures.EPOCH, 2));

        JsonObject recovery = onB.messages("recovery").get(0);
        assertFalse(recovery.getBoolean("recovered"));
        assertEquals("epoch_changed", recovery.getString("reason"));
        assertEquals(List.of(TERM_4 + "/2"), positions(onB, "snapshot"));
    }

    @Test
    void aPacedClientStillGetsTheLatestQuoteOfEachPeriodWithItsOwnNumber() {
        subscribe(memberB, onB, ",\"maxRate\":5");

        ticks(memberB, 1, 2, 3);
        memberB.scheduler.advance(Duration.ofMillis(200));

        assertEquals(List.of(TERM_4 + "/1", TERM_4 + "/3"), positions(onB, "quote"));
    }

    @Test
    void aWildcardClientIsResumedPerSymbolOnAnotherMember() {
        ticks(memberB, 1, 2, 3);

        memberB.hub.receive(
                memberB.connect(onB),
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:*\"]"
                        + since(TERM_4, 1)
                        + "}");

        assertTrue(onB.messages("recovery").get(0).getBoolean("recovered"));
        assertEquals(List.of(TERM_4 + "/2", TERM_4 + "/3"), positions(onB, "quote"));
    }
}

package org.tickerdesk.cluster.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.cluster.entity.ClusterView;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.platform.entity.StatusCard.Field;

/** The dashboard says which member leads and since when, on every member. */
class ClusterStatusCardTest {

    private static final Instant SINCE = Instant.parse("2026-12-01T05:06:15.569Z");
    private static final ClusterMember A =
            new ClusterMember("uuid-a", "127.0.0.1:6900", true, false);
    private static final ClusterMember B =
            new ClusterMember("uuid-b", "127.0.0.1:6901", false, true);

    private static List<StatusCard> cardsFor(ClusterView view) {
        ClusterStatusCard card = new ClusterStatusCard();
        card.leadership =
                new Leadership() {
                    @Override
                    public ClusterView view() {
                        return view;
                    }
                };
        return card.cards();
    }

    @Test
    void aFollowerNamesTheLeaderItsStartAndEveryMember() {
        StatusCard card = cardsFor(new ClusterView(true, List.of(A, B), SINCE, false)).get(0);
        assertEquals("Cluster", card.label());
        assertEquals(
                List.of(
                        Field.state("role", "CONNECTED", "This member follows"),
                        Field.note(
                                "leader",
                                "Leader 127.0.0.1:6901 (uuid-b), since 2026-12-01 05:06:15 UTC"),
                        Field.note("members", "2 members: 127.0.0.1:6900, 127.0.0.1:6901")),
                card.fields());
    }

    @Test
    void theLeaderSaysSoAndAGridWithoutALeaderSaysThat() {
        ClusterMember leading = new ClusterMember("uuid-a", "127.0.0.1:6900", true, true);
        assertEquals(
                Field.state("role", "CONNECTED", "This member leads"),
                cardsFor(new ClusterView(true, List.of(leading), SINCE, true))
                        .get(0)
                        .fields()
                        .get(0));
        StatusCard none = cardsFor(new ClusterView(true, List.of(A), null, false)).get(0);
        assertEquals(Field.state("role", "DISCONNECTED", "No member leads"), none.fields().get(0));
        assertEquals(
                Field.note("leader", "No leader yet: the members are electing one"),
                none.fields().get(1));
        assertEquals(Field.note("members", "1 member: 127.0.0.1:6900"), none.fields().get(2));
    }

    @Test
    void aServerAloneHasNoCard() {
        ClusterMember alone = new ClusterMember("uuid-a", "standalone", true, true);
        assertEquals(List.of(), cardsFor(new ClusterView(false, List.of(alone), SINCE, true)));
    }
}

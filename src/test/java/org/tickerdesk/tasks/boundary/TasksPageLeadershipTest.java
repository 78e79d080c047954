package org.tickerdesk.tasks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tickerdesk.testing.FixedLeadership;
import org.tickerdesk.testing.FixedLeadership.Leader;

/** The Tasks page says where the tasks run: which member leads, since when, and the members. */
class TasksPageLeadershipTest {

    private final TasksPage page = new TasksPage();

    @Test
    void namesTheLeaderAndTheMembersMarkingThisOne() {
        page.leadership = new FixedLeadership(Leader.ANOTHER_MEMBER);

        assertEquals(
                "Leader: 127.0.0.1:6900 since 2025-11-20T14:00:00Z. Members: 127.0.0.1:6901 (this"
                        + " member), 127.0.0.1:6900.",
                page.getLeadership());
    }

    @Test
    void saysWhenThisMemberLeads() {
        page.leadership = new FixedLeadership(Leader.THIS_MEMBER);

        assertEquals(
                "Leader: 127.0.0.1:6901 (this member) since 2025-11-20T14:00:00Z. Members:"
                        + " 127.0.0.1:6901 (this member), 127.0.0.1:6900.",
                page.getLeadership());
    }

    @Test
    void saysThatNothingRunsWhileNoMemberLeads() {
        page.leadership = new FixedLeadership(Leader.NONE);

        assertEquals(
                "No member leads right now: no task runs. Members: 127.0.0.1:6901 (this member),"
                        + " 127.0.0.1:6900.",
                page.getLeadership());
    }
}

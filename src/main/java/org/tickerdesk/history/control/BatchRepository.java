package org.tickerdesk.history.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The two things Jakarta Batch's own repository (its tables in the same database, created by the
 * runtime on first use) cannot do through the JobOperator: mark an execution that a dead server
 * left STARTED as failed, so nothing shows it running for ever, and forget old executions. Its
 * tables are named with the prefix Payara Micro's batch runtime gives them (JBATCH).
 */
@Stateless
public class BatchRepository {

    static final String DIED = "FAILED: the server stopped while it ran";

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    /** Marks the execution and its steps FAILED if they are still marked running. */
    public void markDead(long executionId, Instant now) {
        if (!exists()) {
            return;
        }
        em.createNativeQuery(
                        "UPDATE jbatchexecutioninstancedata SET batchstatus = 'FAILED', exitstatus"
                                + " = ?2, endtime = ?3, updatetime = ?3 WHERE jobexecid = ?1 AND"
                                + " batchstatus IN ('STARTING', 'STARTED', 'STOPPING')")
                .setParameter(1, executionId)
                .setParameter(2, DIED)
                .setParameter(3, Timestamp.from(now))
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE jbatchstepexecutioninstancedata SET batchstatus = 'FAILED',"
                            + " exitstatus = ?2, endtime = ?3 WHERE jobexecid = ?1 AND batchstatus"
                            + " IN ('STARTING', 'STARTED', 'STOPPING')")
                .setParameter(1, executionId)
                .setParameter(2, DIED)
                .setParameter(3, Timestamp.from(now))
                .executeUpdate();
    }

    /**
     * Deletes every job instance (collections and their partitions' sub-jobs) none of whose
     * executions was touched since the cutoff, with everything hanging off it; returns how many
     * instances went.
     */
    public int deleteUntouchedSince(Instant cutoff) {
        if (!exists()) {
            return 0;
        }
        Timestamp before = Timestamp.from(cutoff);
        String old =
                "SELECT i.jobinstanceid FROM jbatchjobinstancedata i WHERE NOT EXISTS (SELECT 1"
                    + " FROM jbatchexecutioninstancedata e WHERE e.jobinstanceid = i.jobinstanceid"
                    + " AND COALESCE(e.updatetime, e.endtime, e.createtime) >= ?1)";
        String oldExecutions =
                "SELECT jobexecid FROM jbatchexecutioninstancedata WHERE jobinstanceid IN ("
                        + old
                        + ")";
        String oldSteps =
                "SELECT stepexecid FROM jbatchstepexecutioninstancedata WHERE jobexecid IN ("
                        + oldExecutions
                        + ")";
        delete("DELETE FROM jbatchstepstatus WHERE id IN (" + oldSteps + ")", before);
        delete(
                "DELETE FROM jbatchstepexecutioninstancedata WHERE jobexecid IN ("
                        + oldExecutions
                        + ")",
                before);
        delete(
                "DELETE FROM jbatchcheckpointdata WHERE split_part(id, ',', 1) IN (SELECT CAST(x AS"
                        + " VARCHAR) FROM ("
                        + old
                        + ") AS o (x))",
                before);
        delete("DELETE FROM jbatchjobstatus WHERE id IN (" + old + ")", before);
        delete(
                "DELETE FROM jbatchexecutioninstancedata WHERE jobinstanceid IN (" + old + ")",
                before);
        return delete(
                "DELETE FROM jbatchjobinstancedata i WHERE i.jobinstanceid IN (" + old + ")",
                before);
    }

    private int delete(String sql, Timestamp before) {
        return em.createNativeQuery(sql).setParameter(1, before).executeUpdate();
    }

    /** The runtime creates its tables when it is first used. */
    private boolean exists() {
        return em.createNativeQuery("SELECT to_regclass('jbatchexecutioninstancedata') IS NOT NULL")
                .getSingleResult()
                .equals(Boolean.TRUE);
    }
}

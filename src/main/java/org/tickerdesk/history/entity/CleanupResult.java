package org.tickerdesk.history.entity;

/** What one cleanup deleted. */
public record CleanupResult(int collections, int batchInstances, int uploads) {

    @Override
    public String toString() {
        return collections
                + " collections, "
                + batchInstances
                + " batch job instances and "
                + uploads
                + " uploads deleted";
    }
}

package org.tickerdesk.platform.entity;

/**
 * Where the pages load their chart library (ECharts) from: its webjar, which serves it at {@code
 * /webjars/echarts/<version>/}. The version is the one pom.xml packs; the pages that chart name it
 * here, so an upgrade changes two places, this and the pom.
 */
public final class ChartLibrary {

    /** The path below the context path. */
    public static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    private ChartLibrary() {}
}

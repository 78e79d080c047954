package org.tickerdesk.marketdata.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored piece of {@link News}, once per source and source id. */
@Entity
@Table(name = "news")
@NamedQuery(
        name = NewsItem.RECENT,
        query = "SELECT n FROM NewsItem n ORDER BY n.receivedAt DESC, n.id DESC")
@NamedQuery(
        name = NewsItem.ABOUT,
        query =
                "SELECT n FROM NewsItem n WHERE n.symbol = :symbol ORDER BY n.receivedAt DESC, n.id"
                        + " DESC")
@NamedQuery(
        name = NewsItem.BY_KEY,
        query = "SELECT n FROM NewsItem n WHERE n.source = :source AND n.sourceId = :sourceId")
@NamedQuery(
        name = NewsItem.COUNT_BY_KEY,
        query =
                "SELECT COUNT(n) FROM NewsItem n WHERE n.source = :source AND n.sourceId ="
                        + " :sourceId")
public class NewsItem {

    public static final String RECENT = "NewsItem.recent";
    public static final String ABOUT = "NewsItem.about";
    public static final String BY_KEY = "NewsItem.byKey";
    public static final String COUNT_BY_KEY = "NewsItem.countByKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    private String source;

    @Column(name = "source_id", nullable = false, length = 64)
    private String sourceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private NewsType type;

    @Column(nullable = false, length = News.HEADLINE_LENGTH)
    private String headline;

    private String body;

    @Column(name = "origin_exchange", length = 32)
    private String originExchange;

    @Column(length = 32)
    private String symbol;

    @Column(length = News.URL_LENGTH)
    private String url;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected NewsItem() {
        // for JPA
    }

    /** The news is valid by construction, so the item is. */
    public NewsItem(News news) {
        this.source = news.source();
        this.sourceId = news.sourceId();
        this.type = news.type();
        this.headline = news.headline();
        this.body = news.body();
        this.originExchange = news.originExchange();
        this.symbol = news.symbol();
        this.url = news.url();
        this.publishedAt = news.publishedAt();
        this.receivedAt = news.receivedAt();
    }

    public Long id() {
        return id;
    }

    public News news() {
        return new News(
                source,
                sourceId,
                type,
                headline,
                body,
                originExchange,
                symbol,
                url,
                publishedAt,
                receivedAt);
    }
}

/**
 * Streaming: the WebSocket endpoint {@code /ws/market}, its protocol, each connection's
 * subscriptions and the fan-out of quotes, trades, news and collection changes to them. It reads
 * quotes (and the trades they reveal) from the feed's {@code Quote} events and snapshots from the
 * market-data quote store, news from market data's {@code NewsPublished} events and, for a
 * snapshot, its {@code NewsStore}, asks the instruments catalog whether a symbol is on the
 * watchlist, and reads collections from history's {@code JobChanged} events and, for a snapshot,
 * from its {@code CollectionJobs}, orders from trading's {@code OrderUpdated} events and, for a
 * snapshot, its {@code OrderDesk}, positions from trading's {@code PositionChanged} and {@code
 * PositionsPriced} events and, for a snapshot, its {@code Positions} and {@code ExitEngine}, and
 * the server's status from the admin's {@code StatusChanged} events (a value of its own, so it
 * never imports the admin). This version serves quote, trade, news, candle and indicator streams
 * and the private {@code jobs}, {@code orders}, {@code positions} and {@code status} streams. Every
 * concrete stream is one generic {@code DataStream} (offsets, recent history, latest values,
 * subscribers); a new kind, such as candles or indicators, adds its message writer and a {@code
 * StreamFamily}.
 *
 * <h2>Protocol</h2>
 *
 * JSON in text frames of at most 64 KiB. A reply carries the request's {@code id} (a string or a
 * number) only if the request had one.
 *
 * <h3>Authentication</h3>
 *
 * Decided once, at the handshake, by the platform's authentication like for any request: a
 * handshake with a valid {@code Authorization: Bearer <token>} (a program) or with the signed-in
 * admin's session cookie (a page of the same origin) opens an authenticated connection, which may
 * have the private streams; one without credentials opens an anonymous connection, which may have
 * the public ones. A handshake with a bearer token that is not valid is refused with HTTP 401: a
 * program that sends a wrong token learns it at once, instead of later from a rejected stream. A
 * handshake signed in by the session cookie is refused with HTTP 403 unless its {@code Origin} is
 * the server's own (the scheme, host and port it was addressed to), so that another site's page
 * cannot open one with the admin's cookie; token and anonymous handshakes are accepted from any
 * {@code Origin}. Signing out does not close a connection already open.
 *
 * <h3>Limits</h3>
 *
 * Each is answered with its {@code error} before any close, and each number is a setting:
 *
 * <ul>
 *   <li>A connection holds at most 200 streams ({@code tickerdesk.streaming.max-streams}), and a
 *       subscribe or unsubscribe names at most as many: one naming more is refused whole with
 *       {@code too_many_streams} and its id.
 *   <li>A connection sends at most 20 requests a second ({@code
 *       tickerdesk.streaming.requests-per-second}), 50 at once after a pause ({@code
 *       tickerdesk.streaming.request-burst}): a token bucket. A request over it, binary frames
 *       included, is answered {@code rate_limited} with its id and not served; the 100th such
 *       answer in a row says the connection is closed, and it is, with 1008 ("rate_limited").
 *   <li>A request is at most 64 KiB. A longer one, in one frame or several, is answered {@code
 *       frame_too_large} without an id as soon as it passes the limit, and the connection is closed
 *       with 1009 ("frame_too_large"); the rest of it is not kept.
 *   <li>One remote address has at most 50 connections open ({@code
 *       tickerdesk.streaming.max-connections-per-address}). The next is opened, sent {@code
 *       too_many_connections} without an id and closed with 1008 ("too_many_connections"): a
 *       browser cannot read why a handshake was refused, but it can read this.
 * </ul>
 *
 * <h3>Requests</h3>
 *
 * <pre>
 * {"op":"subscribe","id":1,"streams":["quotes:AAPL","quotes:*","jobs"],"snapshot":true}
 * {"op":"subscribe","id":5,"streams":["quotes:*","news:*"],"maxRate":5,
 *  "since":{"quotes:AAPL":{"epoch":"9f2c4e1a0b7d3c55","offset":41},"news:*":{"epoch":"9f2c4e1a0b7d3c55","offset":3}}}
 * {"op":"unsubscribe","id":2,"streams":["quotes:AAPL"]}
 * {"op":"list_subscriptions","id":3}
 * {"op":"ping","id":4}
 * </pre>
 *
 * {@code snapshot} is optional and defaults to false; {@code maxRate} and {@code since} are
 * optional, see Paced streams and Recovery; all three apply to the streams the request newly
 * subscribes. A connection holds at most 200 subscriptions; {@code quotes:*} counts as one.
 *
 * <h3>Streams</h3>
 *
 * {@code quotes:SYM}, {@code trades:SYM}, {@code news:SYM} for a symbol on the watchlist; {@code
 * quotes:*} and {@code trades:*} are wildcards, making the client a subscriber of every symbol's
 * stream of the kind (each message names its concrete stream); {@code news:*} is a stream of its
 * own, with its own offsets, carrying every news item, general news (about no symbol) included,
 * while an item about a symbol also goes to {@code news:SYM}. {@code jobs}, {@code orders}, {@code
 * positions} and {@code status} (the dashboard's banner and status cards, {@code
 * {"bannerClass","banner":[…],"cards":[…]}}, on every change) are private.
 *
 * <h3>Replies</h3>
 *
 * <pre>
 * {"type":"ack","id":1,"op":"subscribe","subscribed":["quotes:AAPL"],
 *  "rejected":[{"stream":"quotes:AAPLX","code":"unknown_stream","message":"AAPLX is not on the watchlist"}]}
 * {"type":"ack","id":2,"op":"unsubscribe","unsubscribed":["quotes:AAPL"],"rejected":[]}
 * {"type":"subscriptions","id":3,"streams":["quotes:*","quotes:AAPL"]}
 * {"type":"pong","id":4,"ts":1700000000123.456}
 * {"type":"error","id":5,"code":"unknown_op","message":"..."}
 * </pre>
 *
 * A subscribe's {@code subscribed} lists, in request order, every stream the connection now has
 * from that request, including ones it had already; each other stream is {@code rejected} with
 * {@code bad_request} (not a well-formed stream name), {@code unknown_stream} (a kind the protocol
 * does not name, a kind not available yet, a symbol not on the watchlist), {@code unauthorized} (a
 * private stream on an anonymous connection) or {@code too_many_streams}. Unsubscribing from a
 * stream one does not have is harmless and it is listed as unsubscribed. {@code subscriptions}
 * lists the streams sorted. {@code pong}'s {@code ts} is the server's time.
 *
 * <p>An {@code error} answers a request that cannot be served at all: {@code bad_request} (not
 * JSON, not an object, a missing or ill-typed member, a {@code maxRate} or {@code since} as above,
 * a binary frame), {@code unknown_op}, {@code too_many_streams}, {@code rate_limited}, {@code
 * frame_too_large} and {@code too_many_connections} (see Limits), and {@code slow_consumer}, sent
 * without an id just before the server closes a connection (1008, "slow_consumer") that fell more
 * than 10,000 messages or 4,000,000 characters behind, or whose oldest waiting message waited more
 * than 5 s (both settings); a client whose socket takes nothing for twice that is closed without
 * the error, which it could not read. After {@code bad_request}, {@code unknown_op}, {@code
 * too_many_streams} and a single {@code rate_limited} the connection carries on.
 *
 * <h3>Data</h3>
 *
 * <pre>
 * {"type":"quote","stream":"quotes:AAPL","data":{"symbol":"AAPL","bid":189.1,"ask":189.12,"last":null,
 *  "bidSize":300,"askSize":200,"lastSize":0,"volume":120000,"marketDataType":"LIVE"},
 *  "epoch":"9f2c4e1a0b7d3c55","offset":42,"ts":1700000000123.456}
 * </pre>
 *
 * {@code stream} is always the concrete stream, also for a {@code quotes:*} subscriber. A price the
 * source has not sent is {@code null}. {@code marketDataType} is {@code LIVE}, {@code FROZEN},
 * {@code DELAYED} or {@code DELAYED_FROZEN}. {@code ts} is when the source produced the quote, in
 * epoch milliseconds with the microseconds as a fraction. {@code epoch} names this server run;
 * {@code offset} counts the messages of one concrete stream within it, from 1, strictly increasing.
 * In a cluster a quote stream's {@code epoch} is instead the leader's term, {@code t<term>-<the
 * first 12 hex digits of the leader's UUID>}, the same on every member, and its {@code offset} the
 * tick's number in that term (see In a cluster). A client that subscribed to a symbol both by name
 * and through {@code quotes:*} receives each message once.
 *
 * <p>The {@code jobs} stream carries every change of a collection (its progress, its status), after
 * it is committed, a few times a second at most per running collection:
 *
 * <pre>
 * {"type":"job","stream":"jobs","data":{"id":7,"status":"STARTED","requestedBy":"admin",
 *  "createdAt":"2025-11-20T14:30:00Z","updatedAt":"2025-11-20T14:30:12Z","source":"simulated",
 *  "instruments":["AAPL","MSFT"],"barSize":"1m","from":"2025-10-21T00:00:00Z",
 *  "to":"2025-11-20T00:00:00Z","toNow":false,"incremental":false,"gapsOnly":false,
 *  "whatToShow":"TRADES","rthOnly":true,"windowsDone":30,"windowsTotal":60,"barsWritten":11700,
 *  "barsSkipped":2,"retries":1,"barsPerSecond":975.5,"eta":"2025-11-20T14:30:24Z","lastError":null,
 *  "partitions":[{"symbol":"AAPL","status":"STARTED","windowsDone":20,"windowsTotal":30,
 *   "barsWritten":7800,"barsSkipped":2,"retries":1,"lastError":"timed out"},...]},
 *  "epoch":"9f2c4e1a0b7d3c55","offset":3,"ts":1763649012000}
 * </pre>
 *
 * {@code data} is the collection as the REST API shows it (without its executions); {@code ts} is
 * when it changed; {@code offset} counts the messages of the {@code jobs} stream.
 *
 * <p>The {@code orders} stream carries every change of an order after it is committed, as {@code
 * {"type":"order","stream":"orders","data":{...},"epoch":..,"offset":..,"ts":..}}: {@code data} is
 * the order as {@code GET /api/v1/orders/{id}} shows it, with its fills and commission, fields
 * without a value absent; {@code ts} is its {@code updatedAt}. A state older than one sent is
 * dropped, so an order never goes back.
 *
 * <p>The {@code positions} stream carries every stored change of a position as {@code
 * {"type":"position",...,"data":{...}}}, {@code data} the position as {@code GET
 * /api/v1/positions/{id}} shows it without triggers, fills and orders, with the exit engine's
 * price, stop and target while it is guarded; and, each 500 ms batch of the engine, one {@code
 * {"type":"price",...,"data":[{"id","symbol","currentPrice","unrealizedPnl","stopLevel",
 * "targetLevel","at"}]}} with each position at most once. A state older than one sent is dropped.
 *
 * <pre>
 * {"type":"trade","stream":"trades:AAPL","data":{"symbol":"AAPL","price":189.12,"size":200,"volume":120200},
 *  "epoch":"9f2c4e1a0b7d3c55","offset":17,"ts":1700000000123.456}
 * {"type":"news","stream":"news:AAPL","data":{"source":"ibkr","sourceId":"1021","type":"regular",
 *  "headline":"Trading halted in AAPL","body":null,"originExchange":"NYSE","symbol":"AAPL",
 *  "url":null,"publishedAt":"2025-11-20T14:30:00Z","receivedAt":"2025-11-20T14:30:00Z"},
 *  "epoch":"9f2c4e1a0b7d3c55","offset":3,"ts":1763649000000}
 * </pre>
 *
 * A trade is a quote whose day volume grew since the symbol's previous quote and that has a last
 * price and a last size above 0: {@code price} is its last, {@code size} its last size, {@code
 * volume} the day's volume after it, {@code ts} its source time. The first quote of a symbol in a
 * server run, and one whose volume fell (a new day), only set where the volume stands. A news item
 * is sent once, when first stored, whether a source sent it or a feed posted it to {@code POST
 * /api/v1/news}; its {@code data} is the item as {@code GET /api/v1/news} shows it without the
 * store's id, {@code ts} when it was received.
 *
 * <p>{@code candles:SYM:interval} (1m, 5m, 15m, 1h, 1d) carries the forming candle on every trade
 * and each candle once more when closed, {@code {"symbol","interval","t","o","h","l","c","v","n",
 * "closed"}}; {@code indicators:SYM:name:interval} carries an indicator's value at the forming
 * candle, {@code {"symbol","interval","name","t","closed","values":{component:value}}}, computed
 * while someone subscribes. Both are per symbol. docs/websocket-protocol.md has the details.
 *
 * <h3>Snapshots</h3>
 *
 * With {@code "snapshot":true}, each stream newly subscribed by the request gets, after the ack,
 * one message shaped like a data message but with {@code "type":"snapshot"}: the latest quote for
 * {@code quotes:SYM}, the latest quote of every symbol that has one for {@code quotes:*}, the
 * current state of every running collection for {@code jobs}, the newest 100 orders, oldest first
 * and without their fills unless changed in this run, for {@code orders}, the open and closing
 * positions with their prices for {@code positions}, the latest trade of a trade stream in this
 * run, the last five items of a news stream, oldest first (the stored ones before any arrived in
 * this run). Its {@code offset} is that of the last data message of the stream (0 if there was none
 * in this epoch), and every data message of the stream after it has a higher offset. A stream with
 * no value yet gets no snapshot. A quote's snapshot may repeat a quote from long ago, so its data
 * also says {@code "stale"}: true once the quote's {@code ts} is {@code
 * tickerdesk.marketdata.stale-seconds} or more before the snapshot; a quote data message, a tick
 * that just happened, carries no {@code stale}.
 *
 * <h3>Recovery</h3>
 *
 * Each concrete stream keeps its recent data messages, as sent: the last 1,000 ({@code
 * tickerdesk.streaming.history.messages}), none older than 60 s ({@code ...history.seconds}), all
 * streams together at most 64 MB of text ({@code ...history.megabytes}; a stream over it gives up
 * its own oldest first). {@code since} gives, per concrete stream the request subscribes (by name
 * or through its wildcard), the epoch and offset of the last message the client received. After the
 * ack, each such stream gets:
 *
 * <pre>
 * {"type":"recovery","stream":"quotes:AAPL","recovered":true,"epoch":"9f2c4e1a0b7d3c55","offset":57}
 * {"type":"recovery","stream":"trades:MSFT","recovered":false,"epoch":"9f2c4e1a0b7d3c55","offset":912,
 *  "reason":"history_overrun","message":"..."}
 * </pre>
 *
 * Recovered: the missed messages follow in order up to {@code offset}, then live ones, without a
 * gap or a repeat. Not recovered ({@code epoch_changed}, {@code history_overrun}, {@code
 * offset_ahead}, or {@code no_history} for {@code jobs}, {@code orders} and {@code positions}): a
 * snapshot follows, asked for or not, then live data. A wildcard is resumed per concrete stream; a
 * position for a wildcard, for a stream the request does not subscribe to, or not shaped {@code
 * {"epoch":string,"offset":N}} is refused whole with {@code bad_request}. A stream the connection
 * already has is not resumed.
 *
 * <h3>In a cluster</h3>
 *
 * A client may connect to any member. Every member receives the leader's ticks in the leader's
 * order, each numbered by the leader: its term, which grows at every takeover, and the symbol's
 * count of ticks in that term, from 1. A member writes a {@code quotes:SYM} message with those
 * numbers, so the same tick is the same message on every member, and keeps each quote stream's
 * recent messages from its first tick, whether or not a client of its own subscribed: a client
 * arriving from another member resumes with the position it had there, from this member's history.
 * After a takeover the history holds the old term's last messages and the new term's after them,
 * and a position in the old term is recovered while the history still holds the old term's messages
 * after it: the rest of the old term, as this member received it, then the new term from its offset
 * 1 ({@code recovery} names the new epoch and offset). The client then has every message that a
 * client connected to this member all along had. A tick the dead leader sent that never reached
 * this member reached none of its clients either; a position past the old term's last message here
 * (a client of the dead leader that received one) is {@code offset_ahead}, and a snapshot follows.
 * A member that missed ticks (its relay fell a full queue behind) keeps nothing from before the
 * gap: a position before it is {@code history_overrun}, or {@code epoch_changed} when the gap was
 * at a term's start. A late tick of a replaced leader, of an older term, is not sent. Before a
 * member's first tick of a symbol its quote stream has the member's own epoch and offset 0.
 *
 * <p>Every other stream is the member's own, numbered in its own epoch, which is random per member
 * and run, as standalone: trades are read from the member's own quote history (its first quote of a
 * symbol only sets the volume), candles and indicators computed on each member, news, orders,
 * positions, collections, tasks and the rest arrive on each member as its own events. A position
 * taken on another member is answered as after a restart, {@code recovered:false} and a snapshot:
 * {@code epoch_changed}, or {@code no_history} for the streams that keep none. Their snapshots are
 * the state now, so a client loses no state by moving, only the individual messages in between.
 *
 * <h3>Paced streams</h3>
 *
 * {@code "maxRate":R} (0.1 to 1000, else {@code bad_request}) delivers each concrete stream of the
 * request at most R times a second: a message goes at once if the previous went 1/R s ago or more,
 * else it waits, replaced by any newer one, and goes when the 1/R s is over. Each message is the
 * latest value and keeps its own offset, so offsets skip; the last value of a period always
 * arrives. News, {@code jobs}, {@code orders} and {@code positions} are not paced; snapshots and
 * recovered messages go at once. A symbol subscribed by name and by wildcard is delivered once, at
 * the named subscription's rate.
 */
package org.tickerdesk.streaming;

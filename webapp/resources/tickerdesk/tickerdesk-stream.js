/*
 * TickerdeskStream: a small client for /ws/market (docs/websocket-protocol.md) that a page uses
 * instead of its own WebSocket.
 *
 *   var stream = TickerdeskStream.shared(contextPath + "/ws/market");
 *   var quotes = stream.subscribe(["quotes:AAPL"], function (message) { ... }, {snapshot: true});
 *   stream.onStatus(function (state, detail) { ... });
 *   quotes.close();
 *
 * A connection that drops is opened again after a pause that doubles from half a second up to 30
 * seconds, with jitter so that a server's restart is not met by every browser at once, and it never
 * gives up. On every new connection the client subscribes again to every stream it holds, each with
 * the epoch and offset of the last message it received of each concrete stream ("since"), so the
 * server sends exactly what was missed; where it cannot (its history is overrun, or it restarted)
 * it says so in a "recovery" message and a fresh snapshot follows, which the handler takes like any
 * other. A handler sees the data messages, snapshots and recovery messages of its streams; it is
 * never called for another stream's. The page sees the connection's state through onStatus.
 * The socket is closed when the page is left, so the server lets go of its streams at once, and
 * opened again if the browser shows the page from its cache.
 */
(function (global) {
    "use strict";

    var FIRST_RETRY_MILLIS = 500;
    var MAX_RETRY_MILLIS = 30000;
    /* A connection that stayed open this long was a good one: the next failure starts over. */
    var STABLE_MILLIS = 5000;
    var PING_MILLIS = 20000;
    /* A connection that answers no ping for this long is dead, also when the socket does not know. */
    var PONG_PATIENCE_MILLIS = 10000;
    /* Kinds whose "kind:*" stands for every symbol's stream; news:* is a stream of its own. */
    var FAN_IN = {quotes: true, trades: true};

    var shared = {};

    function absolute(path) {
        if (/^wss?:\/\//.test(path)) {
            return path;
        }
        var scheme = global.location.protocol === "https:" ? "wss://" : "ws://";
        return scheme + global.location.host + path;
    }

    function kindOf(stream) {
        var colon = stream.indexOf(":");
        return colon < 0 ? stream : stream.substring(0, colon);
    }

    function isWildcard(stream) {
        return FAN_IN[kindOf(stream)] === true && stream === kindOf(stream) + ":*";
    }

    /* Whether a message of the concrete stream belongs to a subscription to `name`. */
    function covers(name, stream) {
        return name === stream || (isWildcard(name) && kindOf(stream) === kindOf(name));
    }

    function sameOptions(a, b) {
        return a.snapshot === b.snapshot && a.maxRate === b.maxRate;
    }

    function Stream(url) {
        this.url = absolute(url);
        this.socket = null;
        this.state = "connecting";
        this.detail = "";
        this.nextId = 1;
        this.attempts = 0;
        this.openedAt = 0;
        this.closedByPage = false;
        this.subscriptions = [];
        /* How many subscriptions hold each stream, and the options it was first asked with. */
        this.held = {};
        /* The last epoch and offset received of each concrete stream. */
        this.positions = {};
        this.pending = {};
        this.statusListeners = [];
        this.typeListeners = {};
        this.clockOffset = 0;
        this.pingTimer = null;
        this.pongTimer = null;
        this.retryTimer = null;
        var self = this;
        global.addEventListener("pagehide", function () {
            self.suspend();
        });
        global.addEventListener("pageshow", function (event) {
            if (event.persisted) {
                self.resume();
            }
        });
        global.addEventListener("online", function () {
            if (self.state === "reconnecting") {
                self.retryNow();
            }
        });
        this.open();
    }

    /* One connection per address for the whole page, however many scripts on it stream. */
    Stream.shared = function (url) {
        var key = absolute(url);
        if (!shared[key]) {
            shared[key] = new Stream(key);
        }
        return shared[key];
    };

    Stream.prototype.setState = function (state, detail) {
        this.state = state;
        this.detail = detail || "";
        var self = this;
        this.statusListeners.forEach(function (listener) {
            listener(self.state, self.detail);
        });
    };

    /* Called with the state now and on every change: connecting, open, reconnecting, closed. */
    Stream.prototype.onStatus = function (listener) {
        this.statusListeners.push(listener);
        listener(this.state, this.detail);
        return this;
    };

    /* Every message of a type, whatever its stream: "error", "ack", "pong" and the like. */
    Stream.prototype.on = function (type, listener) {
        (this.typeListeners[type] = this.typeListeners[type] || []).push(listener);
        return this;
    };

    /* The server's clock in epoch milliseconds, as the last pong put it against this one's. */
    Stream.prototype.serverNow = function () {
        return Date.now() + this.clockOffset;
    };

    /*
     * Subscribes to the streams until the returned subscription is closed. Options: snapshot
     * (default true), maxRate; onRejected(rejection) hears a stream the server refused.
     */
    Stream.prototype.subscribe = function (streams, handler, options) {
        var self = this;
        var given = options || {};
        var subscription = {
            streams: streams.slice(),
            handler: handler,
            options: {snapshot: given.snapshot !== false, maxRate: given.maxRate},
            onRejected: given.onRejected,
            closed: false,
            close: function () {
                self.release(subscription);
            }
        };
        this.subscriptions.push(subscription);
        var added = [];
        subscription.streams.forEach(function (name) {
            var held = self.held[name];
            if (held) {
                held.count++;
            } else {
                self.held[name] = {count: 1, options: subscription.options};
                added.push(name);
            }
        });
        if (added.length && this.isOpen()) {
            this.request(added, subscription.options, false);
        }
        return subscription;
    };

    Stream.prototype.release = function (subscription) {
        if (subscription.closed) {
            return;
        }
        subscription.closed = true;
        this.subscriptions.splice(this.subscriptions.indexOf(subscription), 1);
        var self = this;
        var gone = [];
        subscription.streams.forEach(function (name) {
            var held = self.held[name];
            if (held && --held.count === 0) {
                delete self.held[name];
                gone.push(name);
            }
        });
        gone.forEach(function (name) {
            self.forgetPositions(name);
        });
        if (gone.length && this.isOpen()) {
            this.send({op: "unsubscribe", id: this.nextId++, streams: gone});
        }
    };

    /* The positions a resubscription would name but the server would no longer accept. */
    Stream.prototype.forgetPositions = function (name) {
        var self = this;
        Object.keys(this.positions).forEach(function (stream) {
            if (covers(name, stream) && !self.heldBy(stream)) {
                delete self.positions[stream];
            }
        });
    };

    Stream.prototype.heldBy = function (stream) {
        return Object.keys(this.held).some(function (name) {
            return covers(name, stream);
        });
    };

    Stream.prototype.isOpen = function () {
        return this.socket !== null && this.socket.readyState === 1;
    };

    Stream.prototype.send = function (request) {
        this.socket.send(JSON.stringify(request));
    };

    /* Subscribes the streams, resuming each concrete one the client has a position of. */
    Stream.prototype.request = function (streams, options, resume) {
        var request = {op: "subscribe", id: this.nextId++, streams: streams, snapshot: options.snapshot};
        if (options.maxRate !== undefined) {
            request.maxRate = options.maxRate;
        }
        if (resume) {
            var since = {};
            var self = this;
            Object.keys(this.positions).forEach(function (stream) {
                if (streams.some(function (name) {
                    return covers(name, stream);
                }) && !isWildcard(stream)) {
                    since[stream] = self.positions[stream];
                }
            });
            if (Object.keys(since).length) {
                request.since = since;
            }
        }
        this.pending[request.id] = request;
        this.send(request);
    };

    /* After a new connection: everything held, grouped by the options it was asked with. */
    Stream.prototype.resubscribe = function () {
        var groups = [];
        var self = this;
        Object.keys(this.held).forEach(function (name) {
            var options = self.held[name].options;
            var group = groups.filter(function (g) {
                return sameOptions(g.options, options);
            })[0];
            if (!group) {
                group = {options: options, streams: []};
                groups.push(group);
            }
            group.streams.push(name);
        });
        groups.forEach(function (group) {
            self.request(group.streams, group.options, true);
        });
    };

    Stream.prototype.open = function () {
        var self = this;
        var socket;
        this.closedByPage = false;
        this.setState(this.attempts === 0 ? "connecting" : "reconnecting", this.attempts === 0 ? "" : "now");
        try {
            socket = new global.WebSocket(this.url);
        } catch (e) {
            this.scheduleRetry();
            return;
        }
        this.socket = socket;
        socket.onopen = function () {
            self.openedAt = Date.now();
            self.setState("open", "");
            self.ping();
            self.resubscribe();
        };
        socket.onmessage = function (event) {
            self.receive(JSON.parse(event.data));
        };
        socket.onclose = function () {
            if (self.socket !== socket) {
                return;
            }
            self.socket = null;
            self.stopPinging();
            if (self.openedAt && Date.now() - self.openedAt >= STABLE_MILLIS) {
                self.attempts = 0;
            }
            self.openedAt = 0;
            if (self.closedByPage) {
                self.setState("closed", "");
            } else {
                self.scheduleRetry();
            }
        };
    };

    Stream.prototype.scheduleRetry = function () {
        var self = this;
        var ceiling = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS * Math.pow(2, this.attempts));
        var delay = Math.round(ceiling / 2 + Math.random() * ceiling / 2);
        this.attempts++;
        this.setState("reconnecting", "in " + Math.max(1, Math.round(delay / 1000)) + " s (attempt " +
            this.attempts + ")");
        this.retryTimer = global.setTimeout(function () {
            self.retryTimer = null;
            self.open();
        }, delay);
    };

    Stream.prototype.retryNow = function () {
        if (this.retryTimer !== null) {
            global.clearTimeout(this.retryTimer);
            this.retryTimer = null;
            this.open();
        }
    };

    Stream.prototype.ping = function () {
        var self = this;
        if (!this.isOpen()) {
            return;
        }
        var sentAt = Date.now();
        this.pingSentAt = sentAt;
        this.send({op: "ping"});
        this.pongTimer = global.setTimeout(function () {
            if (self.socket) {
                self.socket.close();
            }
        }, PONG_PATIENCE_MILLIS);
        this.pingTimer = global.setTimeout(function () {
            self.ping();
        }, PING_MILLIS);
    };

    Stream.prototype.stopPinging = function () {
        global.clearTimeout(this.pingTimer);
        global.clearTimeout(this.pongTimer);
    };

    Stream.prototype.suspend = function () {
        global.clearTimeout(this.retryTimer);
        this.retryTimer = null;
        if (this.socket) {
            this.closedByPage = true;
            this.socket.close(1000, "page left");
        }
    };

    Stream.prototype.resume = function () {
        if (!this.socket && this.retryTimer === null) {
            this.attempts = 0;
            this.open();
        }
    };

    /* Closes the connection for good: no reconnect. */
    Stream.prototype.close = function () {
        this.suspend();
        this.setState("closed", "");
    };

    Stream.prototype.receive = function (message) {
        if (message.type === "pong") {
            global.clearTimeout(this.pongTimer);
            var now = Date.now();
            if (typeof message.ts === "number" && this.pingSentAt) {
                this.clockOffset = message.ts - (this.pingSentAt + now) / 2;
            }
        } else if (message.type === "ack") {
            this.acknowledged(message);
        } else if (message.type === "error") {
            this.refused(message);
        } else if (message.stream) {
            this.track(message);
            this.dispatch(message);
        }
        (this.typeListeners[message.type] || []).forEach(function (listener) {
            listener(message);
        });
    };

    Stream.prototype.track = function (message) {
        if (message.type === "recovery") {
            if (!message.recovered) {
                this.positions[message.stream] = {epoch: message.epoch, offset: message.offset};
            }
        } else if (message.epoch !== undefined && message.offset !== undefined) {
            this.positions[message.stream] = {epoch: message.epoch, offset: message.offset};
        }
    };

    Stream.prototype.dispatch = function (message) {
        this.subscriptions.slice().forEach(function (subscription) {
            if (!subscription.closed && subscription.streams.some(function (name) {
                return covers(name, message.stream);
            })) {
                subscription.handler(message);
            }
        });
    };

    Stream.prototype.acknowledged = function (ack) {
        delete this.pending[ack.id];
        var self = this;
        (ack.rejected || []).forEach(function (rejection) {
            self.subscriptions.forEach(function (subscription) {
                if (subscription.onRejected && subscription.streams.indexOf(rejection.stream) >= 0) {
                    subscription.onRejected(rejection);
                }
            });
        });
    };

    /*
     * A subscribe refused whole, as one whose positions the server does not take, is asked again
     * without them: the streams then start from a snapshot.
     */
    Stream.prototype.refused = function (error) {
        var request = this.pending[error.id];
        if (!request) {
            return;
        }
        delete this.pending[error.id];
        if (request.since && error.code === "bad_request") {
            var self = this;
            Object.keys(request.since).forEach(function (stream) {
                delete self.positions[stream];
            });
            this.request(request.streams, {snapshot: true, maxRate: request.maxRate}, false);
        }
    };

    /*
     * A series of values by time, at most `limit` of them, the oldest dropped first: put() replaces
     * the value of a time it holds (a forming candle) and inserts an older one in its place;
     * putIfAbsent() leaves a time it holds as it is (what a stream brought is newer than a read).
     */
    Stream.series = function (limit) {
        var times = [];
        var values = [];

        function store(t, value, replace) {
            var i = times.length;
            while (i > 0 && times[i - 1] > t) {
                i--;
            }
            if (i > 0 && times[i - 1] === t) {
                if (replace) {
                    values[i - 1] = value;
                }
                return;
            }
            if (i === 0 && times.length >= limit) {
                return;
            }
            times.splice(i, 0, t);
            values.splice(i, 0, value);
            if (times.length > limit) {
                times.shift();
                values.shift();
            }
        }

        return {
            put: function (t, value) {
                store(t, value, true);
            },
            putIfAbsent: function (t, value) {
                store(t, value, false);
            },
            clear: function () {
                times = [];
                values = [];
            },
            values: function () {
                return values;
            },
            times: function () {
                return times;
            },
            size: function () {
                return times.length;
            }
        };
    };

    /* Writes the connection's state into an element: its text and a td-stream-<state> class. */
    Stream.prototype.showStatusIn = function (element) {
        if (!element) {
            return this;
        }
        var words = {connecting: "connecting…", open: "live", reconnecting: "reconnecting", closed: "closed"};
        return this.onStatus(function (state, detail) {
            element.textContent = words[state] + (state === "reconnecting" && detail ? " " + detail : "");
            element.className = "td-stream td-stream-" + state;
            element.setAttribute("data-state", state);
        });
    };

    global.TickerdeskStream = Stream;
}(window));

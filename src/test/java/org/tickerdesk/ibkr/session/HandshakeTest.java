package org.tickerdesk.ibkr.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.wire.ProtocolException;

class HandshakeTest {

    @Test
    void greetingIsApiPrefixThenLengthPrefixedRangeWithoutNul() {
        byte[] expected = {
            'A', 'P', 'I', 0, 0, 0, 0, 9, 'v', '1', '5', '7', '.', '.', '2', '0', '0'
        };
        assertArrayEquals(expected, Handshake.greeting(157, 200, ""));
    }

    @Test
    void connectOptionsFollowTheRangeAfterASpace() {
        byte[] greeting = Handshake.greeting(157, 200, "+PACEAPI");
        assertEquals("v157..200 +PACEAPI", new String(greeting, 8, greeting.length - 8));
    }

    @Test
    void readsServerVersionAndConnectionTime() throws Exception {
        Handshake.ServerHello hello = Handshake.reply(List.of("178", "20251121 15:30:00 EST"));
        assertEquals(178, hello.serverVersion());
        assertEquals("20251121 15:30:00 EST", hello.connectionTime());
    }

    @Test
    void refusesVersionsOutsideTheImplementedRange() {
        assertThrows(ProtocolException.class, () -> Handshake.reply(List.of("151", "t")));
        assertThrows(ProtocolException.class, () -> Handshake.reply(List.of("201", "t")));
        assertThrows(ProtocolException.class, () -> Handshake.reply(List.of("x", "t")));
        assertThrows(ProtocolException.class, () -> Handshake.reply(List.of("178")));
    }
}

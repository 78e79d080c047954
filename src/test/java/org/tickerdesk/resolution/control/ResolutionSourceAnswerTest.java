package org.tickerdesk.resolution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.resolution.entity.Outcome;
import org.tickerdesk.resolution.entity.Resolution;
import org.tickerdesk.resolution.entity.SourceAnswer;

/**
 * A source that only resolves answers with nothing to add; one that says what it saw keeps it; an
 * answer is a resolution or a reason, never both.
 */
class ResolutionSourceAnswerTest {

    private static final Contract EVENT =
            new Contract(
                    "CPI3-202612",
                    InstrumentKind.EVENT,
                    "FORECASTX",
                    "USD",
                    new BigDecimal("0.01"),
                    LocalDate.of(2027, 1, 15));

    @Test
    void aSourceThatOnlyResolvesAnswersWithoutAReason() {
        Resolution yes = Resolution.of(Outcome.YES, "announced");
        ResolutionSource resolving = contract -> Optional.of(yes);
        ResolutionSource silent = contract -> Optional.empty();

        assertEquals(SourceAnswer.resolved(yes), resolving.answer(EVENT));
        assertEquals(Optional.empty(), silent.answer(EVENT).found());
        assertEquals(Optional.empty(), silent.answer(EVENT).reason());
    }

    @Test
    void aReasonIsKeptAndAnAnswerIsNeverBoth() {
        SourceAnswer awaiting = SourceAnswer.cannotTell("held at 0.97, neither 1 nor 0");

        assertEquals(Optional.of("held at 0.97, neither 1 nor 0"), awaiting.reason());
        assertThrows(
                IllegalArgumentException.class,
                () -> new SourceAnswer(Resolution.of(Outcome.NO, "seen"), "and a reason"));
        assertThrows(IllegalArgumentException.class, () -> SourceAnswer.cannotTell(" "));
    }
}

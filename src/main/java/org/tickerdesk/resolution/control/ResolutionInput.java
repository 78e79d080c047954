package org.tickerdesk.resolution.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.resolution.entity.Outcome;
import org.tickerdesk.resolution.entity.Resolution;

/**
 * A resolution as an admin enters it, every field as given: an event contract resolves by its
 * {@code outcome} (YES or NO), anything else that expires by its {@code settlementPrice}; exactly
 * one of the two.
 */
public record ResolutionInput(String settlementPrice, String outcome) {

    /**
     * The largest price the database holds: NUMERIC(19, 8) leaves eleven digits before the point.
     */
    static final BigDecimal MAX_PRICE = new BigDecimal("99999999999.99999999");

    /**
     * The resolution this input names for an instrument of this kind.
     *
     * @param basis how it was determined ("Entered by admin")
     * @throws InvalidResolutionException naming every field at fault
     */
    public Resolution toResolution(InstrumentKind kind, String basis) {
        boolean event = kind == InstrumentKind.EVENT;
        boolean pricePresent = present(settlementPrice);
        boolean outcomePresent = present(outcome);
        List<FieldError> errors = new ArrayList<>();
        if (pricePresent && outcomePresent) {
            String both = "Send either settlementPrice or outcome, not both";
            errors.add(new FieldError("settlementPrice", both));
            errors.add(new FieldError("outcome", both));
        } else if (!pricePresent && !outcomePresent) {
            errors.add(
                    event
                            ? new FieldError(
                                    "outcome",
                                    "outcome is required: an event contract resolves YES or NO")
                            : new FieldError(
                                    "settlementPrice",
                                    "settlementPrice is required: what one unit settled at"));
        } else if (event && pricePresent) {
            errors.add(
                    new FieldError(
                            "settlementPrice",
                            "An event contract resolves by its outcome: send outcome YES or NO,"
                                    + " not settlementPrice"));
        } else if (!event && outcomePresent) {
            errors.add(
                    new FieldError(
                            "outcome",
                            "Only an event contract resolves by outcome; a "
                                    + kind.name().toLowerCase(Locale.ROOT)
                                    + " settles at a price: send settlementPrice"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidResolutionException(errors);
        }
        if (event) {
            return Resolution.of(parsedOutcome(), basis);
        }
        return new Resolution(parsedPrice(), null, basis);
    }

    private Outcome parsedOutcome() {
        String given = outcome.strip().toUpperCase(Locale.ROOT);
        for (Outcome value : Outcome.values()) {
            if (value.name().equals(given)) {
                return value;
            }
        }
        throw new InvalidResolutionException(
                List.of(
                        new FieldError(
                                "outcome",
                                "outcome must be YES or NO, not '" + shown(outcome) + "'")));
    }

    private BigDecimal parsedPrice() {
        BigDecimal price;
        try {
            price = new BigDecimal(settlementPrice.strip());
        } catch (NumberFormatException e) {
            throw invalidPrice(
                    "settlementPrice must be a number, not '" + shown(settlementPrice) + "'");
        }
        if (price.signum() < 0) {
            throw invalidPrice("settlementPrice cannot be negative, not " + price.toPlainString());
        }
        if (price.compareTo(MAX_PRICE) > 0 || price.stripTrailingZeros().scale() > 8) {
            throw invalidPrice(
                    "settlementPrice must be at most 99999999999.99999999 with at most 8 decimal"
                            + " places, not "
                            + shown(settlementPrice));
        }
        price = price.stripTrailingZeros();
        return price.scale() < 0 ? price.setScale(0) : price;
    }

    private static InvalidResolutionException invalidPrice(String message) {
        return new InvalidResolutionException(List.of(new FieldError("settlementPrice", message)));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

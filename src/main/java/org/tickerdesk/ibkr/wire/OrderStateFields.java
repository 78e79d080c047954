package org.tickerdesk.ibkr.wire;

/**
 * The two variable-length parts of openOrder: the what-if/order-state block (extended at 142 and at
 * 195 with the full order preview) and the order conditions, whose fields depend on their type.
 */
final class OrderStateFields {

    private OrderStateFields() {}

    /** Returns the order status; the margin and commission preview is read past. */
    public static String readWhatIfAndStatus(int v, FieldReader in)
            throws MalformedMessageException {
        in.bool("whatIf");
        String status = in.string("status");
        in.skip(
                6 + 3 + 3 + 1,
                "margin before/change/after, commission min/max, commission currency");
        if (v >= ServerVersions.FULL_ORDER_PREVIEW_FIELDS) {
            in.skip(
                    1 + 9 + 1 + 1,
                    "margin currency, outside-RTH margins, suggested size, reject reason");
            in.skip(7 * OpenOrderDecoder.count(in, 7, "orderAllocations"), "order allocations");
        }
        in.string("warningText");
        return status;
    }

    /**
     * Each condition: its type, then the conjunction and the type's fields (price 5, time 2, margin
     * 2, execution 3, volume 4, percent change 4); two flags follow a non-empty list.
     */
    public static void skipConditions(FieldReader in) throws MalformedMessageException {
        int count = OpenOrderDecoder.count(in, 3, "conditions");
        for (int i = 0; i < count; i++) {
            int type = in.integer("condition type");
            int fields =
                    switch (type) {
                        case 1 -> 6;
                        case 3, 4 -> 3;
                        case 5 -> 4;
                        case 6, 7 -> 5;
                        default ->
                                throw new MalformedMessageException(
                                        "openOrder has unknown condition type " + type);
                    };
            in.skip(fields, "condition " + type);
        }
        if (count > 0) {
            in.skip(2, "conditionsIgnoreRth, conditionsCancelOrder");
        }
    }
}

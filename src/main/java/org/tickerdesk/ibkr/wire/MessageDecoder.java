package org.tickerdesk.ibkr.wire;

import java.util.List;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * Decodes one message body, by its id, for the negotiated server version. A message must consume
 * exactly its fields: one field too few or too many means the layout is not what we think, and the
 * message is rejected rather than misread. Ids this client does not handle decode to nothing.
 */
public final class MessageDecoder {

    private final int serverVersion;

    public MessageDecoder(int serverVersion) {
        this.serverVersion = serverVersion;
    }

    public int serverVersion() {
        return serverVersion;
    }

    /** Whether {@link #decode} understands this message id. */
    public static boolean handles(int messageId) {
        return switch (messageId) {
            case IncomingIds.TICK_PRICE,
                    IncomingIds.TICK_SIZE,
                    IncomingIds.ORDER_STATUS,
                    IncomingIds.ERR_MSG,
                    IncomingIds.OPEN_ORDER,
                    IncomingIds.PORTFOLIO_VALUE,
                    IncomingIds.NEXT_VALID_ID,
                    IncomingIds.CONTRACT_DATA,
                    IncomingIds.EXECUTION_DATA,
                    IncomingIds.NEWS_BULLETINS,
                    IncomingIds.MANAGED_ACCTS,
                    IncomingIds.HISTORICAL_DATA,
                    IncomingIds.TICK_GENERIC,
                    IncomingIds.TICK_STRING,
                    IncomingIds.CURRENT_TIME,
                    IncomingIds.CONTRACT_DATA_END,
                    IncomingIds.OPEN_ORDER_END,
                    IncomingIds.ACCT_DOWNLOAD_END,
                    IncomingIds.EXECUTION_DATA_END,
                    IncomingIds.MARKET_DATA_TYPE,
                    IncomingIds.COMMISSION_REPORT,
                    IncomingIds.POSITION_DATA,
                    IncomingIds.POSITION_END,
                    IncomingIds.TICK_REQ_PARAMS,
                    IncomingIds.HISTORICAL_DATA_END ->
                    true;
            default -> false;
        };
    }

    /**
     * @return the decoded messages (usually one; a pre-196 historicalData gives bars and its end),
     *     or none for an id this client does not handle
     */
    public List<IncomingMessage> decode(List<String> fields) throws MalformedMessageException {
        if (fields.isEmpty()) {
            throw new MalformedMessageException("Empty message");
        }
        int id;
        try {
            id = Integer.parseInt(fields.get(0));
        } catch (NumberFormatException e) {
            throw new MalformedMessageException(
                    "Message id '" + fields.get(0) + "' is not a number");
        }
        if (!handles(id)) {
            return List.of();
        }
        FieldReader in = new FieldReader("message " + id, fields, 1);
        List<IncomingMessage> decoded;
        try {
            decoded = dispatch(id, in);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedMessageException(
                    "message " + id + " holds an impossible value: " + e.getMessage());
        }
        if (in.remaining() != 0) {
            throw new MalformedMessageException(
                    "message "
                            + id
                            + " has "
                            + in.remaining()
                            + " more fields than server version "
                            + serverVersion
                            + " defines");
        }
        return decoded;
    }

    private List<IncomingMessage> dispatch(int id, FieldReader in)
            throws MalformedMessageException {
        int v = serverVersion;
        return switch (id) {
            case IncomingIds.HISTORICAL_DATA -> HistoryDecoder.historicalData(v, in);
            default -> List.of(single(id, in));
        };
    }

    private IncomingMessage single(int id, FieldReader in) throws MalformedMessageException {
        int v = serverVersion;
        return switch (id) {
            case IncomingIds.TICK_PRICE -> TickDecoder.tickPrice(in);
            case IncomingIds.TICK_SIZE -> TickDecoder.tickSize(in);
            case IncomingIds.TICK_STRING -> TickDecoder.tickString(in);
            case IncomingIds.TICK_GENERIC -> TickDecoder.tickGeneric(in);
            case IncomingIds.TICK_REQ_PARAMS -> TickDecoder.tickReqParams(in);
            case IncomingIds.MARKET_DATA_TYPE -> TickDecoder.marketDataType(in);
            case IncomingIds.ERR_MSG -> SessionDecoder.error(v, in);
            case IncomingIds.NEXT_VALID_ID -> SessionDecoder.nextValidId(in);
            case IncomingIds.MANAGED_ACCTS -> SessionDecoder.managedAccounts(in);
            case IncomingIds.CURRENT_TIME -> SessionDecoder.currentTime(in);
            case IncomingIds.NEWS_BULLETINS -> SessionDecoder.newsBulletin(in);
            case IncomingIds.CONTRACT_DATA -> ContractDataDecoder.contractData(v, in);
            case IncomingIds.CONTRACT_DATA_END -> ContractDataDecoder.contractDataEnd(in);
            case IncomingIds.HISTORICAL_DATA_END -> HistoryDecoder.historicalDataEnd(in);
            case IncomingIds.ORDER_STATUS -> OrderEventDecoder.orderStatus(in);
            case IncomingIds.OPEN_ORDER -> OpenOrderDecoder.openOrder(v, in);
            case IncomingIds.OPEN_ORDER_END -> OrderEventDecoder.openOrderEnd(in);
            case IncomingIds.EXECUTION_DATA -> OrderEventDecoder.execDetails(v, in);
            case IncomingIds.EXECUTION_DATA_END -> OrderEventDecoder.execDetailsEnd(in);
            case IncomingIds.COMMISSION_REPORT -> OrderEventDecoder.commissionReport(in);
            case IncomingIds.POSITION_DATA -> AccountDecoder.position(in);
            case IncomingIds.POSITION_END -> AccountDecoder.positionEnd(in);
            case IncomingIds.PORTFOLIO_VALUE -> AccountDecoder.portfolioValue(v, in);
            case IncomingIds.ACCT_DOWNLOAD_END -> AccountDecoder.accountDownloadEnd(in);
            default -> throw new MalformedMessageException("message " + id + " has no decoder");
        };
    }
}

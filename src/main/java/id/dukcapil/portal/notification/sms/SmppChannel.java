package id.dukcapil.portal.notification.sms;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.internal.DeliveryFailure.Verdict;
import id.dukcapil.portal.notification.internal.GsmAlphabet;
import id.dukcapil.portal.notification.internal.OutboxStore;
import id.dukcapil.portal.notification.internal.PhoneChannel;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Submits texts to the gateway over one SMPP session, bound as a transceiver and kept bound between runs, so the
 * delivery receipts (which the gateway sends on a bound receiver) keep arriving ({@link SmppReceipts}). Every submit
 * asks for a receipt on success and on failure; the submit_sm_resp's message_id is what the receipt will name.
 */
@Component
class SmppChannel extends PhoneChannel {

    /** One SMS: 160 characters of the GSM alphabet, 70 of UCS-2. Longer texts go in the message_payload TLV. */
    private static final int GSM_SINGLE = 160;
    private static final int UCS2_SINGLE = 70;
    private static final DataCoding UCS2 = DataCodings.newInstance((byte) 0x08);
    /** Receipts recorded at once (each its own transaction, each holding a connection of the pool a moment). */
    private static final int RECEIPT_THREADS = 6;

    private final SmsProperties properties;
    private final SmppReceipts receipts;
    private @Nullable SMPPSession session;

    SmppChannel(SmsProperties properties, SmppReceipts receipts) {
        super(properties);
        this.properties = properties;
        this.receipts = receipts;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String describe() {
        return "smpp://" + properties.host() + ":" + properties.port();
    }

    /** The bound session, bound again if the gateway or the network dropped it. One sender runs at a time. */
    @Override
    public synchronized Session open() throws ChannelFailure {
        SMPPSession bound = bound();
        return new Session() {
            @Override
            public Accepted send(OutboxStore.Claimed message) throws ChannelFailure {
                return submit(bound, message);
            }

            @Override
            public void close() {
                // Stays bound: the receipts of what was just sent arrive on it.
            }
        };
    }

    private SMPPSession bound() throws ChannelFailure {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        if (session != null) {
            session.close();
        }
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(properties.timeout().toMillis());
        fresh.setEnquireLinkTimer((int) properties.enquireLink().toMillis());
        fresh.setMessageReceiverListener(receipts);
        // Every PDU that arrives, a submit's answer as much as a receipt, waits for one of these threads, and a
        // receipt holds one while it waits for its submit's record (SmppReceipts): with jSMPP's 3, receipts waiting
        // kept the submits' answers waiting too. So the window's answers have threads beside the receipts', and so do
        // the receipts that wait for their answer's commit (decision 156): a lane's group, and as many again of the
        // next group's that come while the last group's still finish (parked threads, cheap; found at 40 of 50).
        fresh.setPduProcessorDegree(properties.window() * (1 + 2 * properties.handOverGroup()) + RECEIPT_THREADS);
        try {
            fresh.connectAndBind(properties.host(), properties.port(), new BindParameter(BindType.BIND_TRX,
                    properties.systemId(), properties.password(), properties.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), properties.timeout().toMillis());
        } catch (IOException refused) {
            fresh.close();
            // No connection or no bind answer: the gateway is away (decision 198). A refused bind is an IOException
            // too in jSMPP; it says so in its words, and the gateway's state shows them.
            throw ChannelFailure.away(Verdict.RETRY, "SMPP bind to " + describe() + " failed: " + refused, refused);
        }
        session = fresh;
        return fresh;
    }

    private Accepted submit(SMPPSession bound, OutboxStore.Claimed message) throws ChannelFailure {
        if (!bound.getSessionState().isBound()) {
            throw ChannelFailure.away(Verdict.RETRY, "The SMPP session was lost before the message was submitted", null);
        }
        String text = Objects.requireNonNull(message.way().text()).text();
        boolean gsm = GsmAlphabet.canEncode(text);
        byte[] bytes = gsm ? GsmAlphabet.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
        boolean single = text.length() <= (gsm ? GSM_SINGLE : UCS2_SINGLE);
        String to = internationalNumber(message);
        try {
            // A registered name (DUKCAPIL) is alphanumeric; a short code or a number is the operator's own.
            TypeOfNumber senderType = properties.sender().chars().anyMatch(Character::isLetter)
                    ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.UNKNOWN;
            SubmitSmResult result = bound.submitShortMessage("", senderType,
                    NumberingPlanIndicator.UNKNOWN, properties.sender(), TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    gsm ? DataCodings.ZERO : UCS2, (byte) 0, single ? bytes : new byte[0],
                    single ? new OptionalParameter[0] : new OptionalParameter[] {new OptionalParameter.OctetString(
                            OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), bytes)});
            return new Accepted("submit_sm_resp OK, message_id " + result.getMessageId(), result.getMessageId());
        } catch (NegativeResponseException refused) {
            throw new ChannelFailure(SmppErrors.classify(refused.getCommandStatus()),
                    "submit_sm refused, command_status 0x" + Integer.toHexString(refused.getCommandStatus()), refused);
        } catch (PDUException malformed) {
            throw new ChannelFailure(Verdict.FAILED, "Not a valid submit_sm: " + malformed.getMessage(), malformed);
        } catch (InvalidResponseException garbled) {
            // The gateway answered, not in a way this submit can use: taken or not, nobody knows; the gateway is there.
            throw new ChannelFailure(Verdict.UNCERTAIN, "No usable answer to submit_sm: " + garbled, garbled);
        } catch (ResponseTimeoutException | IOException lost) {
            // The submit may have reached the gateway: taken or not, nobody knows. No answer: the gateway is away.
            throw ChannelFailure.away(Verdict.UNCERTAIN, "No usable answer to submit_sm: " + lost, lost);
        }
    }

    @PreDestroy
    synchronized void unbind() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }
}

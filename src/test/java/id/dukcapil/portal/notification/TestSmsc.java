package id.dukcapil.portal.notification;

import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.notification.internal.GsmAlphabet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMPP 3.4 gateway for the test run, from jSMPP itself ({@link SMPPServerSessionListener}): it binds the portal's
 * account, answers each submit_sm with a message_id, and then sends the delivery receipt the submit asked for, with
 * the final state a test scripted for that phone (DELIVRD by default). A test may script a refusal instead.
 */
public class TestSmsc {

    public static final String SYSTEM_ID = "dukcapil";
    public static final String PASSWORD = "smpp-pw1";

    /** What the gateway does with a submit to a phone, instead of taking it and reporting it delivered. */
    public sealed interface Script permits Refuse, Receipt {
    }

    /** A submit_sm_resp with this error command_status. */
    public record Refuse(int commandStatus) implements Script {
    }

    /** Taken, then a receipt with this final state. */
    public record Receipt(DeliveryReceiptState state) implements Script {
    }

    /** A submit the gateway took. */
    public record Received(String messageId, String to, String from, String text) {
    }

    private static final Object LOCK = new Object();
    private static SMPPServerSessionListener listener;
    private static final AtomicLong IDS = new AtomicLong(0x5A0000);
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Queue<Script>> SCRIPTS = new ConcurrentHashMap<>();
    private static final Map<String, DeliveryReceiptState> RECEIPTS = new ConcurrentHashMap<>();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool();

    public static int startOnce() {
        synchronized (LOCK) {
            if (listener == null) {
                try {
                    listener = new SMPPServerSessionListener(FreePorts.next());
                } catch (IOException e) {
                    throw new IllegalStateException("The SMPP peer did not start", e);
                }
                listener.setMessageReceiverListener(new Gateway());
                listener.setResponseDeliveryListener(new Receipts());
                Thread acceptor = new Thread(TestSmsc::acceptForever, "test-smsc");
                acceptor.setDaemon(true);
                acceptor.start();
            }
            return listener.getPort();
        }
    }

    public void script(String phoneDigits, Script script) {
        SCRIPTS.computeIfAbsent(phoneDigits, p -> new ArrayDeque<>()).add(script);
    }

    public List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    public List<Received> receivedFor(String phoneDigits) {
        return RECEIVED.stream().filter(r -> r.to().equals(phoneDigits)).toList();
    }

    /** The texts the gateway took for the number (its digits, 62…), oldest first: what the phone shows. */
    public static List<String> textsTo(String phoneDigits) {
        return RECEIVED.stream().filter(r -> r.to().equals(phoneDigits)).map(Received::text).toList();
    }

    /** A text a phone sends to the office's sender id (a citizen's reply), on every bound session. */
    public void reply(String phoneDigits, String text) throws Exception {
        for (SMPPServerSession session : SESSIONS) {
            if (session.getSessionState().isBound()) {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, phoneDigits,
                        TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "DUKCAPIL", new ESMClass(), (byte) 0,
                        (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static final List<SMPPServerSession> SESSIONS = new CopyOnWriteArrayList<>();

    private static void acceptForever() {
        while (true) {
            try {
                SMPPServerSession session = listener.accept();
                WORKERS.execute(() -> bind(session));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (SYSTEM_ID.equals(request.getSystemId()) && PASSWORD.equals(request.getPassword())) {
                request.accept("TESTSMSC");
                SESSIONS.add(session);
            } else {
                request.reject(0x0E); // ESME_RINVPASWD
            }
        } catch (Exception e) {
            session.close();
        }
    }

    private static final class Gateway implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            Queue<Script> scripts = SCRIPTS.get(submit.getDestAddress());
            Script script = scripts == null ? null : scripts.poll();
            if (script instanceof Refuse refuse) {
                throw new ProcessRequestException("scripted refusal", refuse.commandStatus());
            }
            String id = Long.toHexString(IDS.incrementAndGet()).toUpperCase();
            RECEIVED.add(new Received(id, submit.getDestAddress(), submit.getSourceAddr(), text(submit)));
            RECEIPTS.put(id, script instanceof Receipt receipt ? receipt.state() : DeliveryReceiptState.DELIVRD);
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        private static String text(SubmitSm submit) {
            byte[] bytes = submit.getShortMessage();
            if (bytes == null || bytes.length == 0) {
                OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
                bytes = payload == null ? new byte[0] : ((OptionalParameter.OctetString) payload).getValue();
            }
            if (submit.getDataCoding() == 0x08) {
                return new String(bytes, StandardCharsets.UTF_16BE);
            }
            // Data coding 0 is the GSM 03.38 default alphabet, one code an octet, as a GSM gateway reads it.
            StringBuilder text = new StringBuilder();
            for (byte code : bytes) {
                text.append(GsmAlphabet.BASIC.charAt(code & 0x7F));
            }
            return text.toString();
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }

    /** After the submit's answer went out, the receipt it asked for (as a gateway does, moments later). */
    private static final class Receipts implements ServerResponseDeliveryListener {

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            String id = result.getMessageId();
            DeliveryReceiptState state = RECEIPTS.remove(id);
            Received received = RECEIVED.stream().filter(r -> r.messageId().equals(id)).findFirst().orElse(null);
            if (state == null || received == null) {
                return;
            }
            WORKERS.execute(() -> {
                try {
                    DeliveryReceipt receipt = new DeliveryReceipt(id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                            new Date(), new Date(), state, state == DeliveryReceiptState.DELIVRD ? "000" : "001",
                            received.text());
                    session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                            received.to(), TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, received.from(),
                            new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                            (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                            receipt.toString().getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // The session went away: a real gateway would keep the receipt for the next bind.
                }
            });
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession source) {
        }

        @Override
        public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
        }

        @Override
        public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession source) {
        }
    }
}

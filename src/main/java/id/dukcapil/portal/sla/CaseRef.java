package id.dukcapil.portal.sla;

/**
 * A case of a procedure, as the module running it names it (a booking code, a KK request id, a queue number).
 */
public record CaseRef(Procedure procedure, String caseId) {

    public static final int CASE_ID_MAX_LENGTH = 60;

    public CaseRef {
        if (caseId.isBlank() || caseId.length() > CASE_ID_MAX_LENGTH) {
            throw new IllegalArgumentException("A case id has 1 to " + CASE_ID_MAX_LENGTH + " characters: " + caseId);
        }
    }

    @Override
    public String toString() {
        return procedure + "/" + caseId;
    }
}

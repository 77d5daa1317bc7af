package id.dukcapil.portal.kkprint;

/** What the IKD app gets back for a new request. */
public record SubmittedRequest(String trackingNumber, RequestState status) {
}

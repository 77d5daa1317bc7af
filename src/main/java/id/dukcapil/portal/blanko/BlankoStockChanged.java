package id.dukcapil.portal.blanko;

/** A service point's stock changed: its future booking quotas may follow. */
public record BlankoStockChanged(String servicePoint, int balance) {
}

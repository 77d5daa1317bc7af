package id.dukcapil.portal.shared;

/**
 * A refusal's stable code, as the apps switch on it in a problem document: its name, the HTTP status it answers
 * with, and the translation key of its message. Each procedure's refusal codes are an enum implementing it.
 */
public interface ProblemCode {

    String name();

    int httpStatus();

    String messageKey();
}

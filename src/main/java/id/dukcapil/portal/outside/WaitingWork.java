package id.dukcapil.portal.outside;

import java.util.Map;

/**
 * A module's work that waits on outside systems, counted for the banner (decision 198): the outbox's messages waiting
 * per channel, the documents waiting for a signature. The modules implement it; a system no module counts shows no
 * figure.
 */
public interface WaitingWork {

    /** How many of this module's pieces of work wait on each system it counts; read only while one is away. */
    Map<OutsideSystem, Long> waiting();
}

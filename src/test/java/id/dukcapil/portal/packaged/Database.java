package id.dukcapil.portal.packaged;

import java.sql.Connection;

/** Where a suite reads what a packaged portal wrote: its embedded server, or the cluster behind HAProxy. */
@FunctionalInterface
public interface Database {

    Connection database() throws Exception;
}

package id.dukcapil.portal.browser;

import id.dukcapil.portal.PortalTest;

/** The walk of every staff view ({@link EveryViewBrowserTest}) in Bahasa Indonesia, the office's language. */
@PortalTest
class EveryViewInIndonesianBrowserTest extends EveryViewBrowserTest {

    @Override
    String language() {
        return "id";
    }
}

package id.dukcapil.portal.browser;

import id.dukcapil.portal.PortalTest;

/** The walk of every staff view ({@link EveryViewBrowserTest}) in English, the portal's second language. */
@PortalTest
class EveryViewInEnglishBrowserTest extends EveryViewBrowserTest {

    @Override
    String language() {
        return "en";
    }
}

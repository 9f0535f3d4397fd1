/**
 * Browser tests of the web app: headless Chromium driven by Selenium against a deployed WAR, with
 * screenshots, the browser console and an axe-core accessibility check on every page.
 */
package org.openpleb.ee.web.ui;

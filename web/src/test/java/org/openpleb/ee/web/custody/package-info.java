/**
 * Tests of the custody reconciliation over HTTP: the end-state check every trading and wallet IT
 * runs ({@link org.openpleb.ee.web.custody.ReconciledAtEnd}) and the controls that tamper with a
 * wallet file behind its back ({@link org.openpleb.ee.web.custody.CustodyTestSupport}).
 */
package org.openpleb.ee.web.custody;

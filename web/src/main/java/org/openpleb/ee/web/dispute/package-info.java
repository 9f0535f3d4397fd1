/**
 * The admin's dispute API: the open disputes with both parties' words, and their resolution with
 * one of OpenPleb's four paths and a reason.
 */
package org.openpleb.ee.web.dispute;

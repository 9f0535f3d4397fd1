/**
 * The capacity benchmark's entry point and plan: what runs, in which order, with which counts. The
 * server it drives, the load it sends, the statistics it keeps and the report it writes live in the
 * sub-packages.
 */
package org.openpleb.bench;

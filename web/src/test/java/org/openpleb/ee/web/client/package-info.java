/**
 * The typed Java client ({@code openpleb-client}) against the real server: a whole trade and its
 * refusals through the client's interfaces only, every answer checked against the OpenAPI document.
 */
package org.openpleb.ee.web.client;

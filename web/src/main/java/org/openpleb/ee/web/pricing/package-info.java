/**
 * Prices over HTTP: the current bitcoin price new offers are created at, and quotes of what an
 * offer of a given fiat amount will cost the maker and what the taker must bond, under the fee
 * schedule in force.
 */
package org.openpleb.ee.web.pricing;

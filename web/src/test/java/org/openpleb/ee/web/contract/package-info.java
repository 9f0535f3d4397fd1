/** The API contract as the ITs check it: responses against the server's OpenAPI document. */
package org.openpleb.ee.web.contract;

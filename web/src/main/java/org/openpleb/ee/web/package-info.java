/**
 * The HTTP face of OpenPleb: the JAX-RS application under {@code /api} and its OpenAPI description.
 * Features live in sub-packages that mirror the domain's; resources take and return DTO records,
 * never entities.
 */
package org.openpleb.ee.web;

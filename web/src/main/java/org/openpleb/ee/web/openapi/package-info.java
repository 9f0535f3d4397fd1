/**
 * The API's OpenAPI document as clients receive it: the resources' annotations describe each
 * operation, {@link org.openpleb.ee.web.openapi.OpenApiContractFilter} adds what every operation
 * shares (the problem schema, the generic error responses, date-time strings, the build version),
 * and {@link org.openpleb.ee.web.openapi.OpenApiMediaTypeFilter} serves it as JSON or YAML by
 * {@code Accept}.
 */
package org.openpleb.ee.web.openapi;

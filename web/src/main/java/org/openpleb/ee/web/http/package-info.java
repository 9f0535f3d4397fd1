/**
 * HTTP concerns that every feature's resources share and none of them owns: the {@code
 * Idempotency-Key} contract of money requests ({@link org.openpleb.ee.web.http.IdempotentReplies},
 * used by the wallet and the offers) and the name of the bearer security scheme the OpenAPI
 * document declares ({@link org.openpleb.ee.web.http.ApiSecurity}). Reading and bounding request
 * bodies is {@code web.request}'s; turning failures into problem documents is {@code
 * web.problem}'s. Nothing here depends on a feature package of the web layer.
 */
package org.openpleb.ee.web.http;

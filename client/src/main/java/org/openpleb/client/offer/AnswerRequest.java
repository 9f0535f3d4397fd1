package org.openpleb.client.offer;

/**
 * The taker's answer to the maker's issue.
 *
 * @param response {@code COUNTER} (the admin decides) or {@code FORFEIT}
 * @param message optional words for the maker and the admin
 */
public record AnswerRequest(Answer response, String message) {}

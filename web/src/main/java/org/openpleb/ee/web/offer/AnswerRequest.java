package org.openpleb.ee.web.offer;

/**
 * The taker's answer to the maker's issue.
 *
 * @param response {@code COUNTER} (the admin decides) or {@code FORFEIT} (the taker gives up the
 *     bond)
 * @param message optional words for the maker and the admin
 */
public record AnswerRequest(IssueResponse response, String message) {}

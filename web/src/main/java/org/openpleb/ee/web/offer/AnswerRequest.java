package org.openpleb.ee.web.offer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The taker's answer to the maker's issue.
 *
 * @param response {@code COUNTER} (the admin decides) or {@code FORFEIT} (the taker gives up the
 *     bond)
 * @param message optional words for the maker and the admin
 */
@Schema(name = "AnswerRequest", description = "The taker's answer to the maker's issue.")
public record AnswerRequest(
    @Schema(
            required = true,
            description =
                "COUNTER disputes the issue (the admin decides); FORFEIT gives up the bond.")
        IssueResponse response,
    @Schema(description = "Optional words for the maker and the admin, at most 2000 characters.")
        String message) {}

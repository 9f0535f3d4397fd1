package org.openpleb.ee.web.offer;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the order book: funded offers waiting for a taker, newest first, public fields only.
 *
 * @param offers the offers on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many offers the book holds (with the filter)
 */
@Schema(
    name = "OrderBookPage",
    requiredProperties = {"offers", "page", "size", "total"},
    description =
        "A page of the order book: offers (funded offers, newest first, public fields only),"
            + " page, size and total.")
@JsonbPropertyOrder({"offers", "page", "size", "total"})
public record OrderBookPage(
    // no @Schema here: on a list Payara's scanner then loses the item type (Offer)
    List<OfferRepresentation> offers,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int32",
            description = "The page number, from 0.")
        int page,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int32",
            description = "The page size asked for.")
        int size,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "How many offers the book holds with this filter.")
        long total) {}

package org.openpleb.client.offer;

/**
 * A maker's new offer.
 *
 * @param fiatAmount the amount the bank QR code asks for, in the currency's minor units
 * @param qrCode the bank QR code's payload, 1 to 2048 characters
 * @param fiatProvider an optional bank or payment app label takers can filter by
 */
public record CreateOfferRequest(Long fiatAmount, String qrCode, String fiatProvider) {}

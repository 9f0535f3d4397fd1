package org.openpleb.ee.web.request;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * Which request bodies the API reads at all, by media type: JSON, and the receipt image types.
 * Anything else is refused before a byte of it is read.
 */
public final class BodyLimits {

  /** The image types a receipt may have. */
  public static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpeg", "image/webp");

  /** What a client is told to send when its body's type is refused. */
  public static final String ACCEPTED =
      "Send the body as application/json (a receipt as image/png, image/jpeg or image/webp).";

  private BodyLimits() {}

  /** Whether {@code type} is JSON: {@code application/json} or {@code application/*+json}. */
  public static boolean isJson(MediaType type) {
    if (type == null || !"application".equalsIgnoreCase(type.getType())) {
      return false;
    }
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    return subtype.equals("json") || subtype.endsWith("+json");
  }

  /** Whether {@code type} is one of the receipt image types. */
  public static boolean isImage(MediaType type) {
    return type != null
        && IMAGE_TYPES.contains(
            (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
  }
}

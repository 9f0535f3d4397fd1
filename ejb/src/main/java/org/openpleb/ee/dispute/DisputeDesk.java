package org.openpleb.ee.dispute;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import org.openpleb.ee.offer.Offer;
import org.openpleb.ee.offer.OfferRepository;
import org.openpleb.ee.offer.Resolution;
import org.openpleb.ee.offer.Trading;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * The admin's desk for disputes: the open ones, oldest first, with what both parties said, and
 * their resolution. A resolution is taken only in DISPUTED (a compare-and-set, so a second one is
 * refused), needs a reason, and is settled at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DisputeDesk {

  /** The largest page of disputes. */
  public static final int MAX_PAGE = 100;

  @EJB OfferRepository offers;

  @EJB Trading trading;

  /** Open disputes, oldest first. */
  public List<Offer> open(int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE || (long) page * size > Integer.MAX_VALUE) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "page must be at least 0 and size from 1 to " + MAX_PAGE);
    }
    return offers.disputed(page * size, size);
  }

  /**
   * Resolves the dispute over {@code offerId}.
   *
   * @param resolution the decision; null is refused (the HTTP layer binds only the four names)
   */
  public Offer resolve(String offerId, String admin, Resolution resolution, String reason) {
    if (resolution == null) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "resolution must be one of MAKER_WINS, TAKER_WINS, SPLIT, RETURN");
    }
    return trading.resolve(offerId, admin, resolution, reason);
  }
}

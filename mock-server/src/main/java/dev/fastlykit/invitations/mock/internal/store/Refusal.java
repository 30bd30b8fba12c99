package dev.fastlykit.invitations.mock.internal.store;

/**
 * What the store or the role policy refuses, and why; the HTTP layer answers it with the status of
 * its reason. Carries no stack trace: refusals are answers, not failures.
 */
public final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a call is refused. */
  public enum Reason {
    /** The token belongs to no user (any more). */
    UNAUTHENTICATED,
    /** The user's role does not allow it. */
    FORBIDDEN,
    /** No such invitation in the caller's account. */
    NOT_FOUND,
    /** The request clashes with what the account holds. */
    INVALID
  }

  private final Reason reason;
  private final String detail;

  Refusal(Reason reason, String detail) {
    super(reason + ": " + detail, null, false, false);
    this.reason = reason;
    this.detail = detail;
  }

  public Reason reason() {
    return reason;
  }

  /** What the caller is told, such as {@code Cannot find invitation '4Lq8...'}. */
  public String detail() {
    return detail;
  }
}

package dev.fastlykit.invitations;

/**
 * The base of every exception this SDK throws for a failed call. Unchecked: catch the subclass you
 * can act on, such as {@link NotFoundException} or {@link RateLimitException}.
 */
public class FastlyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FastlyException(String message, Throwable cause) {
    super(message, cause);
  }
}

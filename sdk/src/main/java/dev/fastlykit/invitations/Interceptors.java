package dev.fastlykit.invitations;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Request;

/** The OkHttp interceptors this SDK adds to the caller's (or its own) client. */
final class Interceptors {
  static final String FASTLY_KEY = "Fastly-Key";
  static final String JSON_API = "application/vnd.api+json";

  private Interceptors() {}

  /**
   * Adds the token and the fixed headers. An application interceptor added after the caller's own,
   * so those never see the token.
   */
  static Interceptor headers(String token, String userAgent) {
    return chain ->
        chain.proceed(
            chain
                .request()
                .newBuilder()
                .header(FASTLY_KEY, token)
                .header("Accept", JSON_API)
                .header("User-Agent", userAgent)
                .build());
  }

  /** Whether the request of one attempt was handed to a connection. */
  static final class SendState {
    volatile boolean sent;
  }

  /**
   * The innermost application interceptor: tags the attempt, and turns an I/O failure that happened
   * before the request was handed to a connection into a {@link RequestNotSentException}.
   */
  static final Interceptor TRACK_SENDING =
      chain -> {
        SendState state = new SendState();
        Request request = chain.request().newBuilder().tag(SendState.class, state).build();
        try {
          return chain.proceed(request);
        } catch (IOException e) {
          if (!state.sent && !(e instanceof RequestNotSentException)) {
            throw new RequestNotSentException(e);
          }
          throw e;
        }
      };

  /** The connections that have carried an exchange, so that a reused one can be told apart. */
  private static final Set<Connection> USED = Collections.newSetFromMap(new WeakHashMap<>());

  /**
   * A network interceptor: OkHttp calls it once a connection is open, just before it writes the
   * request. From here on a failure may mean the server got the request. A failure before the
   * answer's head on a connection that carried an exchange before is a {@link
   * StaleConnectionException}.
   */
  static final Interceptor MARK_SENT =
      chain -> {
        SendState state = chain.request().tag(SendState.class);
        if (state != null) {
          state.sent = true;
        }
        Connection connection = chain.connection();
        boolean reused;
        synchronized (USED) {
          reused = connection != null && !USED.add(connection);
        }
        try {
          return chain.proceed(chain.request());
        } catch (IOException e) {
          if (reused && !(e instanceof InterruptedIOException)) {
            throw new StaleConnectionException(e);
          }
          throw e;
        }
      };
}

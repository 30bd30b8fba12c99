package dev.fastlykit.invitations;

import dev.fastlykit.invitations.generated.api.InvitationsApi;
import dev.fastlykit.invitations.generated.invoker.ApiClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs the generated Retrofit calls: one OkHttp client, the retry loop (blocking or scheduled),
 * error mapping and the one DEBUG line per call.
 */
final class Transport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InvitationsClient.class);

  final InvitationsApi api;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final RetryPolicy policy;
  private final RetryTimer timer;

  Transport(
      OkHttpClient http, boolean ownsHttp, String baseUrl, RetryPolicy policy, RetryTimer timer) {
    this.http = http;
    this.ownsHttp = ownsHttp;
    this.policy = policy;
    this.timer = timer;
    ApiClient client = new ApiClient(http);
    client.getAdapterBuilder().baseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    client.getAdapterBuilder().converterFactories().add(0, new UnreadableBody.Guard());
    this.api = client.createService(InvitationsApi.class);
  }

  /** Runs the call with retries and returns its successful response, or throws. */
  <T> Response<T> execute(Call<T> call) {
    Request request = call.request();
    long start = System.nanoTime();
    Call<T> attempt = call;
    int retries = 0;
    int stale = 0;
    while (true) {
      Duration delay;
      try {
        Response<T> response = attempt.execute();
        if (response.isSuccessful()) {
          log(request, Integer.toString(response.code()), start, retries);
          return response;
        }
        delay = policy.afterResponse(request.method(), response.code(), headers(response), retries);
        if (delay == null) {
          FastlyApiException error = error(response);
          log(request, Integer.toString(response.code()), start, retries);
          throw error;
        }
        closeQuietly(response.errorBody());
      } catch (IOException e) {
        if (sendAgainAtOnce(request, e, stale)) {
          stale++; // not a retry: the connection was dead before the request reached it
          attempt = call.clone();
          continue;
        }
        delay = policy.afterFailure(request.method(), e, retries);
        if (delay == null) {
          log(request, e.getClass().getSimpleName(), start, retries);
          throw connectionFailure(request, e, retries);
        }
      } catch (UnreadableBody e) {
        log(request, "unreadable body", start, retries);
        throw invalidResponse(request, e);
      }
      sleep(delay);
      retries++;
      attempt = call.clone();
    }
  }

  /**
   * Whether a failed attempt is sent again at once without using a retry: a GET or DELETE that met
   * a pooled connection the server had closed while it sat idle (a POST never: the server may have
   * taken it before closing). Each such failure retires one pooled connection, so this ends; the
   * bound is a guard.
   */
  private static boolean sendAgainAtOnce(Request request, IOException failure, int staleSoFar) {
    return failure instanceof StaleConnectionException
        && !"POST".equals(request.method())
        && !"PATCH".equals(request.method())
        && staleSoFar < MAX_STALE_CONNECTIONS;
  }

  /** More stale pooled connections than one call will step over. */
  static final int MAX_STALE_CONNECTIONS = 16;

  /** Runs the call with the same retries without blocking a thread while it waits. */
  <T> CompletableFuture<Response<T>> executeAsync(Call<T> call) {
    CompletableFuture<Response<T>> result = new CompletableFuture<>();
    attemptAsync(call, call, 0, 0, System.nanoTime(), result);
    return result;
  }

  private <T> void attemptAsync(
      Call<T> original,
      Call<T> attempt,
      int retries,
      int stale,
      long start,
      CompletableFuture<Response<T>> result) {
    Request request = original.request();
    attempt.enqueue(
        new Callback<T>() {
          @Override
          public void onResponse(Call<T> call, Response<T> response) {
            if (response.isSuccessful()) {
              log(request, Integer.toString(response.code()), start, retries);
              result.complete(response);
              return;
            }
            Duration delay =
                policy.afterResponse(request.method(), response.code(), headers(response), retries);
            if (delay == null) {
              FastlyApiException error = error(response);
              log(request, Integer.toString(response.code()), start, retries);
              result.completeExceptionally(error);
              return;
            }
            closeQuietly(response.errorBody());
            retryLater(delay);
          }

          @Override
          public void onFailure(Call<T> call, Throwable t) {
            if (t instanceof IOException && sendAgainAtOnce(request, (IOException) t, stale)) {
              attemptAsync(original, original.clone(), retries, stale + 1, start, result);
              return;
            }
            if (t instanceof IOException) {
              Duration delay = policy.afterFailure(request.method(), (IOException) t, retries);
              if (delay != null) {
                retryLater(delay);
                return;
              }
              log(request, t.getClass().getSimpleName(), start, retries);
              result.completeExceptionally(connectionFailure(request, (IOException) t, retries));
            } else if (t instanceof UnreadableBody) {
              log(request, "unreadable body", start, retries);
              result.completeExceptionally(invalidResponse(request, t));
            } else {
              log(request, t.getClass().getSimpleName(), start, retries);
              result.completeExceptionally(
                  new FastlyException("The call failed unexpectedly: " + t, t));
            }
          }

          private void retryLater(Duration delay) {
            timer.schedule(
                delay,
                () -> attemptAsync(original, original.clone(), retries + 1, stale, start, result));
          }
        });
  }

  int maxRetries() {
    return policy.maxRetries();
  }

  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The response's headers, with names matched case-insensitively. */
  static Map<String, List<String>> headers(Response<?> response) {
    return headers(response.headers());
  }

  static Map<String, List<String>> headers(Headers headers) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : headers.names()) {
      map.put(name, headers.values(name));
    }
    return Collections.unmodifiableMap(map);
  }

  private void sleep(Duration delay) {
    try {
      timer.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FastlyConnectionException("Interrupted while waiting to retry", e);
    }
  }

  private static FastlyApiException error(Response<?> response) {
    String body;
    try (ResponseBody errorBody = response.errorBody()) {
      body = errorBody == null ? "" : errorBody.string();
    } catch (IOException e) {
      body = "";
    }
    return ErrorBodies.toException(response.code(), response.message(), headers(response), body);
  }

  private static FastlyConnectionException connectionFailure(
      Request request, IOException e, int retries) {
    IOException cause = e instanceof RequestNotSentException ? (IOException) e.getCause() : e;
    return new FastlyConnectionException(
        request.method()
            + " "
            + request.url()
            + " failed"
            + (retries == 0 ? "" : " after " + (retries + 1) + " attempts")
            + ": "
            + cause,
        cause);
  }

  private static InvalidResponseException invalidResponse(Request request, Throwable e) {
    return new InvalidResponseException(
        request.method()
            + " "
            + request.url()
            + " answered with a body this SDK cannot read: "
            + e.getMessage(),
        e.getCause() != null ? e.getCause() : e);
  }

  private static void log(Request request, String outcome, long start, int retries) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {} -> {} in {} ms, {} {}",
          request.method(),
          request.url(),
          outcome,
          (System.nanoTime() - start) / 1_000_000,
          retries,
          retries == 1 ? "retry" : "retries");
    }
  }

  private static void closeQuietly(ResponseBody body) {
    if (body != null) {
      body.close();
    }
  }
}

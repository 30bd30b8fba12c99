package dev.fastlykit.invitations;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/** A success response whose body this SDK cannot read: not a network failure, never retried. */
final class InvalidResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidResponseException(Throwable cause) {
    super(cause.getMessage(), cause);
  }

  /** Wraps Gson's errors, so that a malformed body is not taken for a broken connection. */
  static final class Guard extends Converter.Factory {
    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      Converter<ResponseBody, Object> delegate =
          retrofit.nextResponseBodyConverter(this, type, annotations);
      return body -> {
        try {
          return delegate.convert(body);
        } catch (com.google.gson.JsonParseException
            | com.google.gson.stream.MalformedJsonException
            | IllegalStateException
            | ClassCastException e) {
          throw new InvalidResponseException(e);
        }
      };
    }
  }
}

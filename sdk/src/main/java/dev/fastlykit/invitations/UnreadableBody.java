package dev.fastlykit.invitations;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Inside the transport: a success response whose body Gson cannot read, told apart from a network
 * failure so that it is never retried. Surfaces as {@link InvalidResponseException}.
 */
final class UnreadableBody extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnreadableBody(Throwable cause) {
    super(cause.getMessage(), cause);
  }

  /**
   * Reads the whole body first, so that a failure of the connection stays an {@link IOException},
   * then parses it: whatever goes wrong from there (malformed JSON, an empty body, another shape)
   * is the body's fault, never taken for a broken connection.
   */
  static final class Guard extends Converter.Factory {
    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      Converter<ResponseBody, Object> delegate =
          retrofit.nextResponseBodyConverter(this, type, annotations);
      return body -> {
        ResponseBody read = ResponseBody.create(body.bytes(), body.contentType());
        try {
          return delegate.convert(read);
        } catch (IOException | RuntimeException e) {
          throw new UnreadableBody(e);
        }
      };
    }
  }
}

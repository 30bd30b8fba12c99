/**
 * A Java client for Fastly's Invitations API. Only {@code dev.fastlykit.invitations} is exported:
 * the Retrofit and Gson layer generated from the spec ({@code dev.fastlykit.invitations.generated})
 * stays inside, its models opened to Gson alone.
 */
module dev.fastlykit.invitations {
  requires transitive okhttp3; // Builder.okHttpClient(OkHttpClient)
  requires retrofit2;
  requires retrofit2.converter.gson;
  requires retrofit2.converter.scalars;
  requires com.google.gson;
  requires org.slf4j;
  requires java.sql; // the generated JSON class adapts java.sql.Date
  // OkHttp 4 is written in Kotlin; as an automatic module it cannot say that it needs the runtime.
  requires kotlin.stdlib;
  requires static jakarta.annotation; // the generated code's annotations, not needed at run time

  exports dev.fastlykit.invitations;

  opens dev.fastlykit.invitations.generated.model to
      com.google.gson;
}

package dev.fastlykit.invitations.mock.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void escapesWhatJsonAndJavaScriptNeedAndNothingElse() {
    String written =
        new JsonWriter(16).string("a\"b\\c\nd\re\tf\u0001g\u007fh\u2028i\u2029j/k").toString();

    assertThat(written).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\u007fh\\u2028i\\u2029j/k\"");
  }

  @Test
  void writesUtf8AndEscapesLoneSurrogates() {
    String text = "é中😀\ud800x";
    JsonWriter writer = new JsonWriter(16).string(text);

    assertThat(writer.toString()).isEqualTo("\"é中\\ud83d\\ude00\\ud800x\"");
    assertThat(JsonParser.parseString(writer.toString()).getAsString()).isEqualTo(text);
  }

  @Test
  void appendsTextAsUtf8WithoutEscaping() {
    byte[] bytes = new JsonWriter(16).append("é中😀\"").toByteArray();

    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("é中😀\"");
    assertThat(bytes).hasSize(2 + 3 + 4 + 1);
  }

  @Test
  void repeatsBytesWrittenAlreadyAndRefusesOnesNotWritten() {
    JsonWriter writer = new JsonWriter(16).append("[\"abc\",");
    writer.repeat(1, 6).repeat(1, 5).append(']');

    assertThat(writer.toString()).isEqualTo("[\"abc\",\"abc\",\"abc\"]");
    assertThatThrownBy(() -> writer.repeat(10, writer.size()))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> writer.repeat(-1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void writesNumbersAsJavaDoes() {
    JsonWriter writer = new JsonWriter(16);
    for (long n : new long[] {0, 7, -7, 10, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      writer.append(n).append(',');
    }
    writer.append(true).append(false);

    assertThat(writer.toString())
        .isEqualTo("0,7,-7,10,1234567890123,9223372036854775807,-9223372036854775808,truefalse");
  }

  @Test
  void growsPastItsFirstCapacityAndWritesEveryByte() throws Exception {
    JsonWriter writer = new JsonWriter(16).append('[');
    for (int i = 0; i < 10_000; i++) {
      writer.append(i == 0 ? "" : ",").string("item-" + i + "-ü");
    }
    writer.append(']');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeTo(out);

    assertThat(out.size()).isEqualTo(writer.size());
    assertThat(JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonArray())
        .hasSize(10_000);
  }

  @Test
  void aWriterGivenBackIsLentAgainEmpty() {
    JsonWriter.Spares spares = new JsonWriter.Spares(2);
    JsonWriter first = spares.borrow().append("left over");
    spares.giveBack(first);

    JsonWriter again = spares.borrow().append("fresh");

    assertThat(again).isSameAs(first);
    assertThat(again.toString()).isEqualTo("fresh");
  }

  @Test
  void writersLentAtOnceAreDistinctAndEachIsKeptWhileThereIsRoom() {
    JsonWriter.Spares spares = new JsonWriter.Spares(2);
    JsonWriter one = spares.borrow();
    JsonWriter two = spares.borrow();
    JsonWriter three = spares.borrow();
    assertThat(List.of(one, two, three)).doesNotHaveDuplicates();

    spares.giveBack(one);
    spares.giveBack(two);
    spares.giveBack(three); // no room left: let go

    assertThat(spares.borrow()).isSameAs(one);
    assertThat(spares.borrow()).isSameAs(two);
    assertThat(spares.borrow()).isNotIn(one, two, three);
  }

  @Test
  void aWriterABigAnswerGrewIsLetGo() {
    JsonWriter.Spares spares = new JsonWriter.Spares(2);
    JsonWriter big = spares.borrow();
    big.raw(new byte[100 * 1024]);
    spares.giveBack(big);

    assertThat(spares.borrow()).isNotSameAs(big);
  }

  @Test
  void aWriterTheServerLendsStartsEmpty() {
    JsonWriter writer = JsonWriter.borrow().append("left over");
    writer.giveBack();

    assertThat(JsonWriter.borrow().size()).isZero();
  }

  @Test
  void onlyPrintableAsciiWithoutQuoteOrBackslashIsPlainAndPlainTextIsWrittenAsStringWritesIt() {
    assertThat(JsonWriter.isPlain("seed1+tag@example.com")).isTrue();
    assertThat(JsonWriter.isPlain("")).isTrue();
    for (String text : new String[] {"a\"b", "a\\b", "é", "中", "a\u007fb", "a\nb", "a\u0000"}) {
      assertThat(JsonWriter.isPlain(text)).as(text).isFalse();
    }

    String plain = "1AvDdpDwD4Ps1Ru8pfPSVP seed1+tag@example.com";
    byte[] quote = JsonWriter.ascii("\"");
    assertThat(new JsonWriter(4).rawPlain(quote, plain).append('"').toByteArray())
        .isEqualTo(new JsonWriter(4).string(plain).toByteArray());
    assertThat(new JsonWriter(4).rawPlain(new byte[0], plain).toString()).isEqualTo(plain);
  }

  @Test
  void literalsMustBeAscii() {
    assertThatThrownBy(() -> JsonWriter.ascii("é")).isInstanceOf(IllegalArgumentException.class);
  }
}

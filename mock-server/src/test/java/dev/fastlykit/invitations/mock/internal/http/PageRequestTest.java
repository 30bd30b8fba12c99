package dev.fastlykit.invitations.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The page parameters, read from the raw query string by the rules the spec states. */
class PageRequestTest {
  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"&", "&&x=1&", "x", "page=2", "page[numbers]=2", "=", "page[number"})
  void withoutPageParametersItIsThePageOneOfTwenty(String query) {
    PageRequest page = PageRequest.parse(query);

    assertThat(page.number).isEqualTo(1);
    assertThat(page.size).isEqualTo(20);
    // Only an empty query is one the spec documents; any other parameter is served leniently.
    assertThat(page.canonical).isEqualTo(query == null || query.replace("&", "").isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "page[number]=3&page[size]=7|3|7|true",
        "page%5Bnumber%5D=3&page%5Bsize%5D=7|3|7|true",
        "page%5bnumber%5d=3&page%5bsize%5d=7|3|7|true",
        "page[size]=1|1|1|true",
        "page[size]=100|1|100|true",
        "page[size]=101|1|100|false",
        "page[size]=99999999999999999999999|1|100|false",
        "page[size]=0000000000000000000000000000042|1|42|true",
        "page[size]=000000000000000042|1|42|true",
        "page[number]=2147483647|2147483647|20|true",
        "page[number]=1&x=%7E&page[size]=5|1|5|false",
        "x=1&page[number]=9|9|20|false",
        "page[number]=9&page[size]=3&|9|3|true",
        "&page[number]=2|2|20|true",
        "page%5Bnumber%5E=3|1|20|false",
        "page%5Bnumber%5Dx=3&page%5Bsize%5D=4|1|4|false",
        "page[size]=9223372036854775807|1|100|false",
        "page[size]=9223372036854775808|1|100|false",
        "page[size]=18446744073709551617|1|100|false"
      })
  void pageParametersAreReadRawOrPercentEncoded(
      String query, int number, int size, boolean canonical) {
    PageRequest page = PageRequest.parse(query);

    assertThat(page.number).isEqualTo(number);
    assertThat(page.size).isEqualTo(size);
    assertThat(page.canonical).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "page[number]=0|page[number] must be between 1 and 2147483647",
        "page[number]=-1|page[number] must be between 1 and 2147483647",
        "page[number]=2147483648|page[number] must be between 1 and 2147483647",
        "page[number]=999999999999999999|page[number] must be between 1 and 2147483647",
        "page[number]=-99999999999999999999999|page[number] must be between 1 and 2147483647",
        "page[number]=9223372036854775808|page[number] must be between 1 and 2147483647",
        "page[number]=18446744073709551617|page[number] must be between 1 and 2147483647",
        "page[size]=0|page[size] must be an integer of at least 1",
        "page[size]=-99999999999999999999999|page[size] must be an integer of at least 1",
        "page[number]=|page[number] must be an integer, not ''",
        "page[number]|page[number] must be an integer, not ''",
        "page[number]=-|page[number] must be an integer, not '-'",
        "page[number]=%2B1|page[number] must be an integer, not '+1'",
        "page[number]=+1|page[number] must be an integer, not ' 1'",
        "page[size]=1.0|page[size] must be an integer, not '1.0'",
        "page[size]=1e3|page[size] must be an integer, not '1e3'",
        "page[size]=٣|page[size] must be an integer, not '٣'",
        "page[number]=1&page[number]=1|page[number] is given more than once",
        "page[size]=1&page%5Bsize%5D=1|page[size] is given more than once",
        "page[size]=%ZZ|the query string is not correctly percent-encoded",
        "x=%ZZ&page[size]=1|the query string is not correctly percent-encoded"
      })
  void badPageParametersAreRefusedSayingWhy(String query, String detail) {
    FastlyError error = catchThrowableOfType(FastlyError.class, () -> PageRequest.parse(query));

    assertThat(error).as(query).isNotNull();
    assertThat(error.status).isEqualTo(400);
    assertThat(error.detail).isEqualTo(detail);
  }

  @Test
  void aRefusedValueIsQuotedUpTo40Characters() {
    String forty = "x".repeat(40);

    assertThat(
            catchThrowableOfType(FastlyError.class, () -> PageRequest.parse("page[size]=" + forty))
                .detail)
        .isEqualTo("page[size] must be an integer, not '" + forty + "'");
    assertThat(
            catchThrowableOfType(
                    FastlyError.class, () -> PageRequest.parse("page[size]=" + forty + "y"))
                .detail)
        .isEqualTo("page[size] must be an integer, not '" + forty + "...'");
  }

  @Test
  void aNumberOfAThousandDigitsIsReadAndOneLongerIsRefused() {
    String thousand = "9".repeat(1000);

    assertThat(PageRequest.parse("page[size]=" + thousand).size).isEqualTo(100);
    assertThat(
            catchThrowableOfType(
                    FastlyError.class, () -> PageRequest.parse("page[size]=" + thousand + "9"))
                .detail)
        .startsWith("page[size] must be an integer, not '9999")
        .endsWith("...'")
        .hasSize("page[size] must be an integer, not ''".length() + 43);
  }
}

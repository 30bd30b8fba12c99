package dev.fastlykit.invitations;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a list, fetched lazily one page at a time: a page is requested only when the items
 * before it have been consumed, and only one page is held at once.
 *
 * <pre>{@code
 * for (Invitation invitation : client.listAll()) { ... }
 * long engineers = client.listAll().stream().filter(i -> i.role().equals(Role.ENGINEER)).count();
 * }</pre>
 *
 * <p>Each {@link #iterator()} (and each {@link #stream()}) starts again from the first page. An
 * error from the server surfaces from {@code hasNext()} or {@code next()} as a {@link
 * FastlyException}.
 *
 * @param <T> the type of the items
 */
public final class AutoPager<T> implements Iterable<T> {
  private final IntFunction<Page<T>> fetchPage;

  AutoPager(IntFunction<Page<T>> fetchPage) {
    this.fetchPage = fetchPage;
  }

  @Override
  public Iterator<T> iterator() {
    return new PageWalker();
  }

  /** A sequential stream over every item, fetching pages as the stream is consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private final class PageWalker implements Iterator<T> {
    private List<T> items = List.of();
    private int index;
    private int nextPageNumber = 1;
    private boolean morePages = true;

    @Override
    public boolean hasNext() {
      while (index >= items.size() && morePages) {
        Page<T> page = fetchPage.apply(nextPageNumber);
        items = page.items();
        index = 0;
        nextPageNumber = page.pageNumber() + 1;
        // An empty page that claims a successor would otherwise loop for ever.
        morePages = page.hasNext() && !items.isEmpty();
      }
      return index < items.size();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return items.get(index++);
    }
  }
}

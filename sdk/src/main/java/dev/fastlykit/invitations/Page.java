package dev.fastlykit.invitations;

import java.util.List;

/**
 * One page of a list: its items, where it sits, and whether another page follows.
 *
 * @param <T> the type of the items
 */
public final class Page<T> {
  private final List<T> items;
  private final int pageNumber;
  private final int pageSize;
  private final long totalRecords;
  private final int totalPages;
  private final boolean hasNext;

  Page(
      List<T> items,
      int pageNumber,
      int pageSize,
      long totalRecords,
      int totalPages,
      boolean hasNext) {
    this.items = List.copyOf(items);
    this.pageNumber = pageNumber;
    this.pageSize = pageSize;
    this.totalRecords = totalRecords;
    this.totalPages = totalPages;
    this.hasNext = hasNext;
  }

  /** The items of this page, in the server's order (oldest first); empty past the last page. */
  public List<T> items() {
    return items;
  }

  /** This page's number, from 1. */
  public int pageNumber() {
    return pageNumber;
  }

  /** The page size the server used (it clamps sizes above 100 to 100). */
  public int pageSize() {
    return pageSize;
  }

  /** How many items all pages hold together, or -1 when the server did not say. */
  public long totalRecords() {
    return totalRecords;
  }

  /** How many pages there are (0 for an empty list), or -1 when the server did not say. */
  public int totalPages() {
    return totalPages;
  }

  /**
   * Whether a later page exists. True when the server's page counts say so or when it sent a link
   * to the next page, so a server that sends only one of the two still pages correctly.
   */
  public boolean hasNext() {
    return hasNext;
  }

  @Override
  public String toString() {
    return "Page{pageNumber="
        + pageNumber
        + ", pageSize="
        + pageSize
        + ", items="
        + items.size()
        + ", totalRecords="
        + totalRecords
        + ", totalPages="
        + totalPages
        + ", hasNext="
        + hasNext
        + '}';
  }
}

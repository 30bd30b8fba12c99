package dev.fastlykit.invitations.examples;

import dev.fastlykit.invitations.Invitation;
import dev.fastlykit.invitations.InvitationsClient;
import dev.fastlykit.invitations.NewInvitation;
import dev.fastlykit.invitations.Page;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Walk the pending invitations page by page, then let listAll() do it. */
public final class Pagination {
  public static void main(String... args) {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment()) {
      run(setup, System.out);
    }
  }

  static void run(ExampleSetup setup, PrintStream out) {
    try (InvitationsClient client = setup.client()) {
      // A few invitations to page through (example.com addresses reach nobody).
      List<Invitation> created = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        created.add(
            client.create(NewInvitation.builder().email("pager" + i + "@example.com").build()));
      }

      // By hand: ask for page after page until the server says there is no next one.
      int pageNumber = 1;
      Page<Invitation> page;
      do {
        page = client.list(pageNumber, 3);
        out.println(
            "Page "
                + page.pageNumber()
                + " of "
                + page.totalPages()
                + ": "
                + page.items().size()
                + " of "
                + page.totalRecords()
                + " invitations");
        pageNumber++;
      } while (page.hasNext());

      // Or let listAll() fetch the pages as the stream needs them, 100 at a time.
      String pagers =
          client.listAll().stream()
              .map(Invitation::email)
              .filter(email -> email.startsWith("pager"))
              .sorted()
              .collect(Collectors.joining(", "));
      out.println("listAll() found " + pagers);

      created.forEach(invitation -> client.delete(invitation.id()));
      out.println("Deleted the " + created.size() + " invitations again");
    }
  }
}

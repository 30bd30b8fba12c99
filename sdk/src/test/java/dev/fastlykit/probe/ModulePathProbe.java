package dev.fastlykit.probe;

import dev.fastlykit.invitations.InvitationsClient;

/**
 * Run by {@code ModulePathIT} in a JVM of its own, with the SDK on the module path and this class
 * on the class path, as an application sees the SDK: lists through it, then tries to reach a
 * generated class, which the module does not export.
 */
public final class ModulePathProbe {
  private ModulePathProbe() {}

  public static void main(String[] args) throws Exception {
    try (InvitationsClient client =
        InvitationsClient.builder().apiToken("probe-token").baseUrl(args[0]).build()) {
      System.out.println("listed " + client.list().items().size());
    }
    System.out.println("module " + InvitationsClient.class.getModule().getName());
    Class<?> generated =
        Class.forName("dev.fastlykit.invitations.generated.model.InvitationResponse");
    try {
      generated.getConstructor().newInstance();
      System.out.println("generated classes are reachable");
    } catch (IllegalAccessException expected) {
      System.out.println("generated classes are sealed");
    }
  }
}

package com.redress.modelcheck;

/** A file to check, as read from disk or taken from a deployment. */
public record ModelResource(String name, byte[] content) {

  /** The file name without folders: deployments from Modeler carry bare names, the command full paths. */
  String fileName() {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  boolean is(String extension) {
    return name.endsWith(extension);
  }
}

package com.redress.modelcheck;

import com.redress.language.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code java -jar redress.jar check-models [file or folder ...]}: the model check for analysts,
 * without starting the application. Prints each problem with file, element id and a fix; exits 1
 * when there are errors, 2 when an argument is not there, 0 otherwise.
 */
public final class CheckModelsCommand {

  public static final String NAME = "check-models";
  private static final List<String> DEFAULT_LOCATIONS = List.of("processes", "forms");

  private CheckModelsCommand() {
  }

  public static int run(List<String> arguments, PrintStream out) {
    List<String> locations = arguments.isEmpty() ? DEFAULT_LOCATIONS : arguments;
    List<ModelResource> resources = new ArrayList<>();
    for (String location : locations) {
      Path path = Path.of(location);
      if (!Files.exists(path)) {
        out.println(location + ": no such file or folder");
        return 2;
      }
      resources.addAll(read(path));
    }
    List<ModelProblem> problems = checkEachLanguage(resources);
    problems.forEach(out::println);
    long errors = problems.stream().filter(ModelProblem::isError).count();
    out.println(resources.size() + " files checked: " + errors + " errors, " + (problems.size() - errors)
        + " warnings");
    return errors > 0 ? 1 : 0;
  }

  /**
   * The models with their own forms, then with each language's ({@code forms/zh-CN/}) in their place:
   * the languages share form ids, so one check of all the files would find every form twice.
   */
  private static List<ModelProblem> checkEachLanguage(List<ModelResource> resources) {
    ModelCheck check = ModelCheck.withScannedBeans();
    List<ModelResource> own = resources.stream().filter(r -> languageOf(r).isEmpty()).toList();
    Set<ModelProblem> problems = new LinkedHashSet<>(check.check(own));
    for (Language language : Language.values()) {
      List<ModelResource> translated = resources.stream().filter(r -> languageOf(r).equals(Optional.of(language)))
          .toList();
      if (!translated.isEmpty()) {
        Set<Path> replaced = translated.stream().map(r -> Path.of(r.name()).getFileName()).collect(Collectors.toSet());
        List<ModelResource> set = new ArrayList<>(translated);
        own.stream().filter(r -> !replaced.contains(Path.of(r.name()).getFileName())).forEach(set::add);
        problems.addAll(check.check(set));
      }
    }
    return List.copyOf(problems);
  }

  private static Optional<Language> languageOf(ModelResource resource) {
    Path folder = Path.of(resource.name()).getParent();
    return folder == null ? Optional.empty() : Language.find(folder.getFileName().toString());
  }

  private static List<ModelResource> read(Path path) {
    try (Stream<Path> files = Files.walk(path)) {
      List<ModelResource> resources = new ArrayList<>();
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.toString();
        if (ModelCheck.MODEL_SUFFIXES.stream().anyMatch(name::endsWith)) {
          resources.add(new ModelResource(name, Files.readAllBytes(file)));
        }
      }
      return resources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

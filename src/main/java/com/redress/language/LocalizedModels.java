package com.redress.language;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * What the application deploys at its start, in the installation's language (docs/adr/0018): the
 * processes with the names of their elements in that language ({@code processes/names_<tag>.properties},
 * so that tasks and diagrams read it), the decisions as they are, and each form from the language's
 * folder ({@code forms/<tag>/}) where it has one. Every resource keeps its plain file name, so both
 * languages deploy the same names and form ids: {@code formRefBinding="deployment"} finds the form
 * deployed with its process, a changed setting deploys everything anew, and running instances keep
 * the deployment, and so the forms, they started with. It takes the place of the starter's
 * deployment configuration, whose resource patterns it reads.
 */
@Component
class LocalizedModels extends DefaultDeploymentConfiguration {

  static final String NAMES = "processes/names_%s.properties";

  private final InstallationLanguage installation;

  LocalizedModels(InstallationLanguage installation) {
    this.installation = installation;
  }

  /** What the starter's patterns ({@code camunda.bpm.deployment-resource-pattern}) find, in the installation's language. */
  @Override
  public Set<Resource> getDeploymentResources() {
    return new LinkedHashSet<>(in(installation.get(), List.copyOf(super.getDeploymentResources())));
  }

  /** The resources to deploy for {@code language}, from those the deployment patterns found. */
  static List<Resource> in(Language language, List<Resource> listed) {
    Map<String, Resource> chosen = new LinkedHashMap<>();
    // the defaults first, then the language's own versions in their place
    for (Resource resource : listed) {
      if (translation(resource).isEmpty()) {
        chosen.put(resource.getFilename(), resource);
      }
    }
    for (Resource resource : listed) {
      if (translation(resource).filter(language::equals).isPresent()) {
        chosen.put(resource.getFilename(), resource);
      }
    }
    Properties names = names(language);
    List<Resource> deployed = new ArrayList<>();
    chosen.forEach((file, resource) -> {
      byte[] content = read(resource);
      deployed.add(new Named(file.endsWith(".bpmn") && !names.isEmpty() ? named(content, names) : content, file));
    });
    return deployed;
  }

  /** The language a resource is a translation into: the folder it is in, when named like one ({@code forms/zh-CN/}). */
  private static Optional<Language> translation(Resource resource) {
    try {
      String[] path = resource.getURL().getPath().split("/");
      return path.length < 2 ? Optional.empty() : Language.find(path[path.length - 2]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The element names of the language's models, by process id and element id; none for the models' own (English). */
  static Properties names(Language language) {
    Properties names = new Properties();
    ClassPathResource file = new ClassPathResource(NAMES.formatted(language.tag()));
    if (file.exists()) {
      try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
        names.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  /** The model with each process and flow element named from {@code names} where it has an entry. */
  static byte[] named(byte[] bpmn, Properties names) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    for (Process process : model.getModelElementsByType(Process.class)) {
      Optional.ofNullable(names.getProperty(process.getId())).ifPresent(process::setName);
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      Optional.ofNullable(names.getProperty(processOf(element).getId() + "." + element.getId()))
          .ifPresent(element::setName);
    }
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  static Process processOf(BaseElement element) {
    ModelElementInstance parent = element.getParentElement();
    while (!(parent instanceof Process process)) {
      parent = parent.getParentElement();
    }
    return process;
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deployed under its plain file name: the engine names a byte-array resource by its description. */
  private static final class Named extends ByteArrayResource {

    private final String file;

    Named(byte[] content, String file) {
      super(content, file);
      this.file = file;
    }

    @Override
    public String getFilename() {
      return file;
    }

    @Override
    public String getDescription() {
      return file;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Named named && named.file.equals(file) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return file.hashCode();
    }
  }
}

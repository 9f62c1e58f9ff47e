package com.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.language.InstallationLanguage;
import com.redress.support.ApplicationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** Tasklist's shared filters speak the installation's language, and a changed language renames the same filters. */
class TasklistFiltersTest extends ApplicationTest {

  @Autowired FilterService filters;
  @Autowired MessageSource messages;

  @Test
  @SuppressWarnings("unchecked")
  void aChangedLanguageRenamesTheSameFiltersAndTheirColumns() {
    List<String> ids = filters.createFilterQuery().list().stream().map(Filter::getId).sorted().toList();
    try {
      in("zh-CN").setUp();
      assertThat(filters.createFilterQuery().list()).extracting(Filter::getId).containsExactlyInAnyOrderElementsOf(ids);
      Filter group = filters.createFilterQuery().filterName("我所在组的任务").singleResult();
      assertThat(group.getProperties()).containsEntry("description", "提供给我所在组的任务")
          .containsEntry(TasklistFilters.KIND, "MY_GROUP_TASKS");
      assertThat((List<Object>) group.getProperties().get("variables")).contains(
          Map.of("name", "complaintReference", "label", "投诉编号"), Map.of("name", "resolutionDue", "label", "解决期限"));
      assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
          .containsExactlyInAnyOrder("我的任务", "我所在组的任务", "全部");
    } finally {
      in("en").setUp();
    }
    assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
        .containsExactlyInAnyOrder("My tasks", "My group tasks", "All");
    assertThat(filters.createFilterQuery().list()).extracting(Filter::getId).containsExactlyInAnyOrderElementsOf(ids);
  }

  private TasklistFilters in(String language) {
    return new TasklistFilters(filters, engine.getTaskService(), engine.getAuthorizationService(), messages,
        new InstallationLanguage(language));
  }
}

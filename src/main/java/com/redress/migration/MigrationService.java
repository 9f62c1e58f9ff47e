package com.redress.migration;

import com.redress.audit.AuditTrail;
import com.redress.award.EmployeeAwardProcess;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.AsRedress;
import com.redress.modelcheck.ModelProblem;
import com.redress.modelcheck.StoredModelCheck;
import com.redress.modelcheck.VariablesAhead;
import com.redress.shared.ConflictException;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of one of Redress's processes from one deployed version to another
 * (docs/adr/0021-migrating-running-instances.md), the one door for it: engine REST's
 * {@code /migration} is closed to everyone (EngineRestAllowList).
 * <ul>
 *   <li>Today's model check runs on the target's stored resources; a target with errors is refused.
 *   <li>Equal ids map by themselves, the analyst's mappings add to them. An event keeps its trigger
 *   (a timer its due date: Redress's SLA dates come from its own calendar) unless the target defines
 *   it differently, and is then set up again from the target.
 *   <li>Each instance moves in a transaction of its own with its audit event; one the engine refuses
 *   is reported with the engine's reason and stays where it is. A dry run does the same and rolls
 *   every transaction back.
 * </ul>
 * The engine work runs as Redress ({@link AsRedress}: analysts hold no migration permission), the
 * audit events name the analyst who asked.
 */
@Service
public class MigrationService {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationService.class);
  private static final String CONDITIONAL = "conditional";
  /** An instance that no longer runs on the source when its turn comes: neither moved nor blocked. */
  private static final String GONE = "gone";

  /** The audit chain of migration runs. */
  public static final String CHAIN = "migrations";
  public static final String CASE_MIGRATED = "case-migrated";
  public static final String RUN_DONE = "migration-run";
  /** The processes whose instances live long enough to need it; MessageDelivery's live for minutes. */
  public static final List<String> PROCESSES = List.of(ComplaintHandlingProcess.KEY, CompensationApprovalProcess.KEY,
      EmployeeAwardProcess.KEY);

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final StoredModelCheck modelCheck;
  private final AuditTrail audit;
  private final AsRedress asRedress;
  private final TransactionTemplate perInstance;
  /** By process key, the values its code documents for variables an instance lacks. */
  private final Map<String, Map<String, Function<String, Object>>> defaults = new LinkedHashMap<>();

  MigrationService(@Lazy RepositoryService repository, @Lazy RuntimeService runtime,
      StoredModelCheck modelCheck, AuditTrail audit, AsRedress asRedress, PlatformTransactionManager transactions,
      List<VariableDefaults> defaults) {
    defaults.forEach(d -> {
      if (this.defaults.put(d.processKey(), d.byVariable()) != null) {
        throw new IllegalStateException("Two sets of migration defaults for " + d.processKey());
      }
    });
    this.repository = repository;
    this.runtime = runtime;
    this.modelCheck = modelCheck;
    this.audit = audit;
    this.asRedress = asRedress;
    this.perInstance = new TransactionTemplate(transactions);
    this.perInstance.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** How far a run got: called after each instance. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (moved, total) -> { };

    void after(int tried, int total);
  }

  /** A request checked and planned, with the instances it concerns: what {@link #run} works through. */
  public record Prepared(MigrationRequest request, String analyst, MigrationPlan plan, List<String> findings,
      boolean targetFails, List<ProcessInstance> running, VariablesAhead ahead) {
  }

  /** Checks and plans the request, then runs it, as {@code analyst}. */
  public MigrationReport migrate(MigrationRequest request, String analyst) {
    return run(prepare(request, analyst), Progress.NONE);
  }

  /**
   * Checks the request (400 naming each bad field), the target (409 for a real run when today's
   * model check finds errors) and the plan (400 naming the mappings the engine cannot apply), and
   * finds the instances that run on the source.
   */
  public Prepared prepare(MigrationRequest request, String analyst) {
    return asRedress.callNaming(analyst, () -> {
      Versions versions = asRedress.call(() -> versions(request));
      List<ModelProblem> problems = asRedress.call(() -> modelCheck.check(versions.target()));
      boolean targetFails = problems.stream().anyMatch(ModelProblem::isError);
      if (targetFails && !request.isDryRun()) {
        throw new ConflictException(409, "Version " + request.targetVersion() + " of "
            + request.processDefinitionKey() + " fails today's model check; nothing was migrated: "
            + problems.stream().filter(ModelProblem::isError).map(ModelProblem::toString)
                .collect(Collectors.joining("; ")));
      }
      MigrationPlan plan = asRedress.call(() -> plan(versions, request.mappings()));
      List<ProcessInstance> running = asRedress.call(() -> runtime.createProcessInstanceQuery()
          .processDefinitionId(versions.source().getId()).unlimitedList());
      VariablesAhead ahead = asRedress.call(() -> modelCheck.variablesAhead(versions.target()));
      return new Prepared(request, analyst, plan, problems.stream().map(ModelProblem::toString).toList(),
          targetFails, running, ahead);
    });
  }

  /** Moves (or, in a dry run, tries) each instance in turn, as the analyst who asked; the engine work runs as Redress. */
  public MigrationReport run(Prepared prepared, Progress progress) {
    return asRedress.callNaming(prepared.analyst(), () -> {
      MigrationRequest request = prepared.request();
      String run = UUID.randomUUID().toString();
      List<MigrationReport.Blocked> blocked = new ArrayList<>();
      List<MigrationReport.Given> given = new ArrayList<>();
      int tried = 0;
      int gone = 0;
      try {
        for (ProcessInstance instance : prepared.running()) {
          Map<String, Object> values = new LinkedHashMap<>();
          String reason = prepared.targetFails() ? "The target version fails today's model check (see the findings)"
              : moveOne(prepared, instance, run, values);
          if (GONE.equals(reason)) {
            gone++;
          } else if (reason != null) {
            blocked.add(new MigrationReport.Blocked(instance.getId(), instance.getBusinessKey(), reason));
          } else if (!values.isEmpty()) {
            given.add(new MigrationReport.Given(instance.getId(), instance.getBusinessKey(), values));
          }
          progress.after(++tried, prepared.running().size());
        }
      } finally {
        // also when the run stopped half-way (the application stopping): what moved has its events
        if (!request.isDryRun()) {
          recordRun(request, run, tried - gone, blocked.size());
        }
      }
      int instances = prepared.running().size() - gone;
      int migratable = instances - blocked.size();
      return new MigrationReport(instances, migratable, blocked, prepared.findings(),
          request.isDryRun() ? 0 : migratable, given);
    });
  }

  private void recordRun(MigrationRequest request, String run, int instances, int blocked) {
    Map<String, Object> details = described(request, run);
    details.put("instances", instances);
    details.put("migrated", instances - blocked);
    details.put("blocked", blocked);
    try {
      perInstance.executeWithoutResult(tx -> audit.recordDomainChange(CHAIN, RUN_DONE, details));
    } catch (RuntimeException e) {
      LOG.warn("Migration run {} could not be recorded: {}", run, e.toString());
    }
    LOG.info("Migration {} of {} from version {} to {}: {} of {} instances migrated", run,
        request.processDefinitionKey(), request.sourceVersion(), request.targetVersion(), instances - blocked,
        instances);
  }

  private record Versions(ProcessDefinition source, ProcessDefinition target) {
  }

  /** The two versions the request names, or every field that is wrong. */
  private Versions versions(MigrationRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    String key = request.processDefinitionKey();
    if (key == null || !PROCESSES.contains(key)) {
      problems.add(new FieldProblem("processDefinitionKey", "must be one of " + PROCESSES));
    }
    ProcessDefinition source = version(key, "sourceVersion", request.sourceVersion(), problems);
    ProcessDefinition target = version(key, "targetVersion", request.targetVersion(), problems);
    if (source != null && source.getId().equals(target == null ? null : target.getId())) {
      problems.add(new FieldProblem("targetVersion", "must differ from sourceVersion"));
    }
    Set<String> mapped = new HashSet<>();
    for (int i = 0; i < request.mappings().size(); i++) {
      MigrationRequest.Mapping mapping = request.mappings().get(i);
      if (mapping != null && mapping.from() != null && !mapped.add(mapping.from())) {
        problems.add(new FieldProblem("mappings[" + i + "].from", "is mapped twice"));
      }
      if (source != null && (mapping == null || flowNode(source, mapping.from()) == null)) {
        problems.add(new FieldProblem("mappings[" + i + "].from", "must be an element of version "
            + request.sourceVersion()));
      }
      if (target != null && (mapping == null || flowNode(target, mapping.to()) == null)) {
        problems.add(new FieldProblem("mappings[" + i + "].to", "must be an element of version "
            + request.targetVersion()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new Versions(source, target);
  }

  private ProcessDefinition version(String key, String field, Integer version, List<FieldProblem> problems) {
    if (version == null) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    ProcessDefinition definition = key == null || !PROCESSES.contains(key) ? null
        : repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
            .singleResult();
    if (definition == null && key != null && PROCESSES.contains(key)) {
      problems.add(new FieldProblem(field, "no version " + version + " of " + key + " is deployed"));
    }
    return definition;
  }

  /**
   * The engine's plan for equal ids, with the analyst's mappings, each instruction asking for its
   * event to be set up again only where the target defines the trigger differently.
   */
  private MigrationPlan plan(Versions versions, List<MigrationRequest.Mapping> mappings) {
    BpmnModelInstance source = repository.getBpmnModelInstance(versions.source().getId());
    BpmnModelInstance target = repository.getBpmnModelInstance(versions.target().getId());
    Map<String, String> pairs = new LinkedHashMap<>();
    runtime.createMigrationPlan(versions.source().getId(), versions.target().getId()).mapEqualActivities().build()
        .getInstructions().forEach(equal -> pairs.put(equal.getSourceActivityId(), equal.getTargetActivityId()));
    mappings.forEach(mapping -> pairs.put(mapping.from(), mapping.to()));
    MigrationPlanBuilder plan = runtime.createMigrationPlan(versions.source().getId(), versions.target().getId());
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      var instruction = plan.mapActivities(pair.getKey(), pair.getValue());
      String trigger = trigger(source, pair.getKey());
      // the engine sets a conditional event up again in every migration; others only where the target changed them
      if (trigger != null && trigger.contains(CONDITIONAL) || !Objects.equals(trigger, trigger(target, pair.getValue()))) {
        instruction.updateEventTrigger();
      }
      plan = instruction;
    }
    try {
      return plan.build();
    } catch (MigrationPlanValidationException e) {
      throw new InvalidRequestException(e.getValidationReport().getInstructionReports().stream()
          .map(report -> new FieldProblem("mappings", describe(report.getMigrationInstruction()) + ": "
              + String.join("; ", report.getFailures())))
          .toList());
    }
  }

  /** What sets off a catching event (its timer's expression, its message's or signal's name), or null. */
  private static String trigger(BpmnModelInstance model, String elementId) {
    ModelElementInstance element = model.getModelElementById(elementId);
    if (!(element instanceof CatchEvent event)) {
      return null;
    }
    return event.getEventDefinitions().stream().map(MigrationService::trigger).collect(Collectors.joining(" "));
  }

  private static String trigger(EventDefinition definition) {
    if (definition instanceof TimerEventDefinition timer) {
      return "timer:" + (timer.getTimeDate() == null ? "" : "date " + timer.getTimeDate().getTextContent().trim())
          + (timer.getTimeDuration() == null ? "" : "duration " + timer.getTimeDuration().getTextContent().trim())
          + (timer.getTimeCycle() == null ? "" : "cycle " + timer.getTimeCycle().getTextContent().trim());
    }
    if (definition instanceof ConditionalEventDefinition) {
      return CONDITIONAL;
    }
    if (definition instanceof MessageEventDefinition message) {
      return "message:" + (message.getMessage() == null ? "" : message.getMessage().getName());
    }
    if (definition instanceof SignalEventDefinition signal) {
      return "signal:" + (signal.getSignal() == null ? "" : signal.getSignal().getName());
    }
    return definition.getElementType().getTypeName();
  }

  private FlowNode flowNode(ProcessDefinition definition, String id) {
    if (id == null) {
      return null;
    }
    ModelElementInstance element = repository.getBpmnModelInstance(definition.getId()).getModelElementById(id);
    return element instanceof FlowNode node ? node : null;
  }

  /**
   * Moves one instance, with its audit event, in a transaction of its own (rolled back in a dry
   * run); null when it moved or could, {@link #GONE} when it no longer runs on the source, else
   * why not: the variables it lacks, or the engine's reason. {@code given} receives the documented
   * values it gets.
   */
  private String moveOne(Prepared prepared, ProcessInstance instance, String run, Map<String, Object> given) {
    MigrationPlan plan = prepared.plan();
    MigrationRequest request = prepared.request();
    return perInstance.execute(tx -> {
      if (asRedress.call(() -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId())
          .processDefinitionId(plan.getSourceProcessDefinitionId()).count()) == 0) {
        return GONE; // ended, or moved by another run, since the run was planned
      }
      try {
        String lacking = asRedress.call(() -> lacking(prepared, instance, given));
        if (lacking != null) {
          tx.setRollbackOnly();
          return lacking;
        }
        // before the move: a timer the target sets up on arrival may read them
        if (!given.isEmpty()) {
          asRedress.run(() -> runtime.setVariables(instance.getId(), given));
        }
        asRedress.run(() -> runtime.newMigration(plan).processInstanceIds(instance.getId()).execute());
      } catch (MigratingProcessInstanceValidationException e) {
        tx.setRollbackOnly();
        return reasons(e.getValidationReport());
      } catch (RuntimeException e) {
        // a listener of an added or removed scope, a default's source, or the database: this instance stays
        tx.setRollbackOnly();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      if (request.isDryRun()) {
        tx.setRollbackOnly();
      } else {
        Map<String, Object> details = described(request, run);
        details.put("instanceId", instance.getId());
        if (!given.isEmpty()) {
          details.put("defaults", given);
        }
        audit.recordDomainChange(instance.getBusinessKey() != null ? instance.getBusinessKey() : CHAIN, CASE_MIGRATED,
            details);
      }
      return null;
    });
  }

  /**
   * Puts into {@code given} the documented values of the variables the instance lacks and the
   * target reads on its way ahead; returns the ones without such a value, or null.
   */
  private String lacking(Prepared prepared, ProcessInstance instance, Map<String, Object> given) {
    Map<String, String> targetOf = new LinkedHashMap<>();
    prepared.plan().getInstructions().forEach(i -> targetOf.put(i.getSourceActivityId(), i.getTargetActivityId()));
    Set<String> waitingIn = new HashSet<>();
    Set<String> aboutToStart = new HashSet<>();
    // activities the plan does not map are the engine's to refuse, with its reason
    collect(runtime.getActivityInstance(instance.getId()), targetOf, waitingIn, aboutToStart);
    Set<String> has = runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .disableBinaryFetching().disableCustomObjectDeserialization().unlimitedList()
        .stream().map(VariableInstance::getName).collect(Collectors.toSet());
    Map<String, Function<String, Object>> documented = defaults.getOrDefault(
        prepared.request().processDefinitionKey(), Map.of());
    List<String> reasons = new ArrayList<>();
    for (VariablesAhead.Need need : prepared.ahead().missing(waitingIn, aboutToStart, has)) {
      Function<String, Object> value = documented.get(need.variable());
      if (value != null) {
        given.put(need.variable(), value.apply(instance.getBusinessKey()));
      } else {
        reasons.add("needs variable '" + need.variable() + "' (read at " + need.elementId()
            + "), which it does not have and for which " + prepared.request().processDefinitionKey()
            + " documents no value");
      }
    }
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }

  /** The target's ids of the activities the instance is in, and of those it is about to continue at. */
  private static void collect(ActivityInstance scope, Map<String, String> targetOf, Set<String> waitingIn,
      Set<String> aboutToStart) {
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      if (targetOf.containsKey(child.getActivityId())) {
        waitingIn.add(targetOf.get(child.getActivityId()));
      }
      collect(child, targetOf, waitingIn, aboutToStart);
    }
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      if (targetOf.containsKey(transition.getActivityId())) {
        aboutToStart.add(targetOf.get(transition.getActivityId()));
      }
    }
  }

  /** The engine's reasons, each with the element it concerns. */
  private static String reasons(MigratingProcessInstanceValidationReport report) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    report.getActivityInstanceReports().forEach(activity -> activity.getFailures()
        .forEach(failure -> reasons.add("waiting at " + activity.getSourceScopeId() + ": " + failure)));
    report.getTransitionInstanceReports().forEach(transition -> transition.getFailures()
        .forEach(failure -> reasons.add("about to continue at " + transition.getSourceScopeId() + ": " + failure)));
    return String.join("; ", reasons);
  }

  private static Map<String, Object> described(MigrationRequest request, String run) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run", run);
    details.put("process", request.processDefinitionKey());
    details.put("fromVersion", request.sourceVersion());
    details.put("toVersion", request.targetVersion());
    details.put("mappings", request.mappings().stream().map(MigrationService::describe).toList());
    return details;
  }

  private static String describe(MigrationRequest.Mapping mapping) {
    return mapping.from() + " -> " + mapping.to();
  }

  private static String describe(MigrationInstruction instruction) {
    return instruction.getSourceActivityId() + " -> " + instruction.getTargetActivityId();
  }
}

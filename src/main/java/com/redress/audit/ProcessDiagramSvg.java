package com.redress.audit;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a process definition from its diagram interchange as plain SVG, with the activities a
 * complaint passed through marked: readable without JavaScript, printable, no viewer to ship.
 */
@Component
class ProcessDiagramSvg {

  private final RepositoryService repository;

  ProcessDiagramSvg(RepositoryService repository) {
    this.repository = repository;
  }

  String render(String processDefinitionId, Set<String> passed, Set<String> active) {
    BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = 0;
    double maxY = 0;
    for (BpmnShape shape : shapes) {
      Bounds b = shape.getBounds();
      minX = Math.min(minX, b.getX());
      minY = Math.min(minY, b.getY());
      maxX = Math.max(maxX, b.getX() + b.getWidth());
      maxY = Math.max(maxY, b.getY() + b.getHeight());
    }
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" role=\"img\" viewBox=\"%.0f %.0f %.0f %.0f\">",
        minX - 20, minY - 40, maxX - minX + 40, maxY - minY + 80));
    svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
        + "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      svg.append("<polyline class=\"flow\" marker-end=\"url(#arrow)\" points=\"");
      for (Waypoint point : edge.getWaypoints()) {
        svg.append(String.format(Locale.ROOT, "%.0f,%.0f ", point.getX(), point.getY()));
      }
      svg.append("\"/>");
    }
    for (BpmnShape shape : shapes) {
      if (!(shape.getBpmnElement() instanceof FlowElement element)) {
        continue;
      }
      Bounds b = shape.getBounds();
      String id = element.getId();
      String state = active.contains(id) ? "active" : passed.contains(id) ? "passed" : "untouched";
      svg.append("<g class=\"node ").append(state).append("\" data-id=\"").append(HtmlUtils.htmlEscape(id)).append("\">");
      double cx = b.getX() + b.getWidth() / 2;
      double cy = b.getY() + b.getHeight() / 2;
      if (element instanceof Event) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"%s/>", cx, cy,
            b.getWidth() / 2, element instanceof EndEvent ? " stroke-width=\"4\"" : ""));
      } else if (element instanceof Gateway) {
        svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>",
            cx, b.getY(), b.getX() + b.getWidth(), cy, cx, b.getY() + b.getHeight(), b.getX(), cy));
      } else {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"10\"/>",
            b.getX(), b.getY(), b.getWidth(), b.getHeight()));
      }
      String name = element.getName();
      if (name != null && !name.isBlank()) {
        boolean inside = !(element instanceof Event) && !(element instanceof Gateway);
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", cx,
            inside ? cy + 4 : b.getY() + b.getHeight() + 14, HtmlUtils.htmlEscape(name)));
      }
      svg.append("<title>").append(HtmlUtils.htmlEscape(id)).append(" (").append(state).append(")</title></g>");
    }
    return svg.append("</svg>").toString();
  }
}

// The KPI dashboard's charts, drawn from the report the page carries in #kpi-data (a file, not an
// inline script: the pages' Content-Security-Policy runs scripts from Redress's own origin only).
const data = JSON.parse(document.getElementById('kpi-data').dataset.json);
const r = data.report;
const pct = (rate) => rate == null ? null : Math.round(rate * 1000) / 10;
const keys = (groups) => Object.keys(groups);
function chart(id, option) {
  const c = echarts.init(document.getElementById(id));
  c.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' }, legend: { top: 28 }, grid: { top: 70 } }, option));
  window.addEventListener('resize', () => c.resize());
}
/** Closed complaints per group as bars, a rate of the same groups as a line on a second axis. */
function closedWithRate(id, title, groups, rateName, rate) {
  const names = keys(groups);
  chart(id, {
    title: { text: title },
    xAxis: { type: 'category', data: names },
    yAxis: [{ type: 'value', name: 'closed' }, { type: 'value', name: '%', max: 100 }],
    series: [
      { type: 'bar', name: 'closed', data: names.map(n => groups[n].closed) },
      { type: 'line', name: rateName, yAxisIndex: 1, data: names.map(n => pct(rate(groups[n]))) }]
  });
}
const teams = keys(r.byTeam);
closedWithRate('chart-volume', 'Closed and SLA breaches by team', r.byTeam, 'SLA breach %', f => f.slaBreachRate);
chart('chart-times', {
  title: { text: 'Business hours by team (median, p90)' },
  xAxis: { type: 'category', data: teams },
  yAxis: { type: 'value', name: 'hours' },
  series: [
    { type: 'bar', name: 'first response median', data: teams.map(t => r.byTeam[t].firstResponseMedianHours) },
    { type: 'bar', name: 'first response p90', data: teams.map(t => r.byTeam[t].firstResponseP90Hours) },
    { type: 'bar', name: 'resolution median', data: teams.map(t => r.byTeam[t].resolutionMedianHours) },
    { type: 'bar', name: 'resolution p90', data: teams.map(t => r.byTeam[t].resolutionP90Hours) }]
});
const months = data.trend.map(m => m.from.substring(0, 7));
chart('chart-trend', {
  title: { text: 'Satisfaction trend (last six months)' },
  xAxis: { type: 'category', data: months },
  yAxis: [{ type: 'value', name: 'CSAT', min: 1, max: 5 }, { type: 'value', name: '%', max: 100 }],
  series: [
    { type: 'line', name: 'CSAT', data: data.trend.map(m => m.total.csat) },
    { type: 'line', name: 'reopen %', yAxisIndex: 1, data: data.trend.map(m => pct(m.total.reopenRate)) },
    { type: 'line', name: 'first-contact resolution %', yAxisIndex: 1,
      data: data.trend.map(m => pct(m.total.firstContactResolutionRate)) }]
});
const types = keys(r.compensationSpentByType);
chart('chart-money', {
  title: { text: 'Compensation by type against budget (' + r.compensationBudget.currency + ')' },
  xAxis: { type: 'category', data: types.concat(['all compensation', 'awards']) },
  yAxis: { type: 'value' },
  series: [{
    type: 'bar', name: 'spent',
    data: types.map(t => Number(r.compensationSpentByType[t].amount))
      .concat([Number(r.compensationSpent.amount), Number(r.awardSpend.amount)]),
    markLine: { data: [{ name: 'budget', yAxis: Number(r.compensationBudget.amount) }],
      label: { formatter: 'budget {c}' } }
  }]
});
closedWithRate('chart-channels', 'By channel', r.byChannel, 'first-contact resolution %',
  f => f.firstContactResolutionRate);

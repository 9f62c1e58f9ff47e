// The KPI dashboard's charts, drawn from the report the page carries in #kpi-data, with the words of
// #kpi-words (the installation's language) (a file, not an inline script: the pages'
// Content-Security-Policy runs scripts from Redress's own origin only).
const data = JSON.parse(document.getElementById('kpi-data').dataset.json);
const w = document.getElementById('kpi-words').dataset;
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
    yAxis: [{ type: 'value', name: w.closed }, { type: 'value', name: '%', max: 100 }],
    series: [
      { type: 'bar', name: w.closed, data: names.map(n => groups[n].closed) },
      { type: 'line', name: rateName, yAxisIndex: 1, data: names.map(n => pct(rate(groups[n]))) }]
  });
}
const teams = keys(r.byTeam);
closedWithRate('chart-volume', w.volumeTitle, r.byTeam, w.breachRate, f => f.slaBreachRate);
chart('chart-times', {
  title: { text: w.timesTitle },
  xAxis: { type: 'category', data: teams },
  yAxis: { type: 'value', name: w.hours },
  series: [
    { type: 'bar', name: w.firstResponseMedian, data: teams.map(t => r.byTeam[t].firstResponseMedianHours) },
    { type: 'bar', name: w.firstResponseP90, data: teams.map(t => r.byTeam[t].firstResponseP90Hours) },
    { type: 'bar', name: w.resolutionMedian, data: teams.map(t => r.byTeam[t].resolutionMedianHours) },
    { type: 'bar', name: w.resolutionP90, data: teams.map(t => r.byTeam[t].resolutionP90Hours) }]
});
const months = data.trend.map(m => m.from.substring(0, 7));
chart('chart-trend', {
  title: { text: w.trendTitle },
  xAxis: { type: 'category', data: months },
  yAxis: [{ type: 'value', name: 'CSAT', min: 1, max: 5 }, { type: 'value', name: '%', max: 100 }],
  series: [
    { type: 'line', name: 'CSAT', data: data.trend.map(m => m.total.csat) },
    { type: 'line', name: w.reopenRate, yAxisIndex: 1, data: data.trend.map(m => pct(m.total.reopenRate)) },
    { type: 'line', name: w.firstContactRate, yAxisIndex: 1,
      data: data.trend.map(m => pct(m.total.firstContactResolutionRate)) }]
});
const types = keys(r.compensationSpentByType);
chart('chart-money', {
  title: { text: w.moneyTitle.replace('{0}', r.compensationBudget.currency) },
  xAxis: { type: 'category', data: types.concat([w.allCompensation, w.awards]) },
  yAxis: { type: 'value' },
  series: [{
    type: 'bar', name: w.spent,
    data: types.map(t => Number(r.compensationSpentByType[t].amount))
      .concat([Number(r.compensationSpent.amount), Number(r.awardSpend.amount)]),
    markLine: { data: [{ name: w.budget, yAxis: Number(r.compensationBudget.amount) }],
      label: { formatter: w.budget + ' {c}' } }
  }]
});
closedWithRate('chart-channels', w.channelsTitle, r.byChannel, w.firstContactRate, f => f.firstContactResolutionRate);

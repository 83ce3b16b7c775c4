'use strict';
/* Optimisation history (every trial's objective by trial number, with the best so far) and the
   intermediate values (every trial's learning curve, scheduler cuts and PBT exploits marked). */
Tune.view('history', 'Optimisation history', (section, body) => {
  const k = Tune.objectiveChoice(section, 'objective', () => Tune.redraw('history'));
  const byState = {};
  let best = null;
  const bestLine = [];
  Tune.data.trials.forEach(t => {
    const v = Tune.value(t, k);
    if (v === null) return;
    (byState[t.state] = byState[t.state] || []).push({ value: [t.n, v], trial: t.n });
    if (t.infeasible) return; // a trial that breaks a constraint is never the best
    if (best === null || Tune.better(k, v, best)) best = v;
    bestLine.push([t.n, best]);
  });
  if (bestLine.length === 0) {
    Tune.note(body, 'No trial has a finite ' + Tune.metric(k) + ' yet.');
    return;
  }
  const trials = Tune.byNumber();
  const series = Object.keys(byState).map(state => ({
    name: state, type: 'scatter', symbolSize: 6, itemStyle: { color: Tune.STATES[state] },
    large: byState[state].length > 2000, data: byState[state]
  }));
  series.push({ name: 'best so far', type: 'line', step: 'end', symbol: 'none', data: bestLine,
    lineStyle: { color: '#1f2328', width: 1.5 }, itemStyle: { color: '#1f2328' } });
  const el = Tune.el('div', { class: 'chart' });
  body.appendChild(el);
  Tune.chart(el, {
    legend: { top: 0 }, grid: { left: 70, right: 24, top: 36, bottom: 48 },
    tooltip: { trigger: 'item', formatter: p => (p.seriesType === 'scatter' ? Tune.tooltipTrial(trials.get(p.value[0]))
      : 'best so far at #' + p.value[0] + ': ' + Tune.fmt(p.value[1])) },
    xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
    yAxis: Tune.objectiveAxis(k),
    dataZoom: [{ type: 'inside' }],
    series
  });
});

Tune.view('curves', 'Intermediate values', (section, body) => {
  const metric = Tune.data.curveMetric;
  const k = Math.max(0, Tune.data.objective.metrics.indexOf(metric));
  const trials = Tune.data.trials.filter(t => t.x.length > 0);
  section.querySelector('.about').textContent += ' Curves show ' + metric + ' at every reported iteration' +
    (Tune.data.curveStride > 1 ? ' (every ' + Tune.data.curveStride + 'th point, to keep the page quick)' : '') +
    '; ▲ marks where a scheduler cut a trial, ◆ where PBT made it copy another trial.';
  if (trials.length === 0) {
    Tune.note(body, 'No trial has reported an intermediate result yet.');
    return;
  }
  const exploitsByTrial = new Map();
  Tune.data.exploits.forEach(e => (exploitsByTrial.get(e.trial) || exploitsByTrial.set(e.trial, []).get(e.trial)).push(e));
  const merged = trials.length > 500;
  const series = [];
  const cuts = [];
  const exploits = [];
  const all = [];
  trials.forEach(t => {
    const points = [];
    for (let i = 0; i < t.x.length; i++) {
      if (i > 0 && t.x[i] <= t.x[i - 1]) points.push('-'); // PBT restored an earlier checkpoint: a new segment
      points.push([t.x[i], t.y[i] === null ? '-' : t.y[i]]);
    }
    let cursor = 0;
    (exploitsByTrial.get(t.n) || []).forEach(e => { // where the trial was when it copied its donor
      for (let i = cursor; i < t.x.length; i++) {
        if (t.x[i] === e.at && (i === t.x.length - 1 || t.x[i + 1] === e.from + 1)) {
          exploits.push({ value: [e.at, t.y[i]], trial: t.n, donor: e.donor });
          cursor = i + 1;
          return;
        }
      }
    });
    if (t.state === 'pruned') cuts.push({ value: [t.x[t.x.length - 1], t.y[t.y.length - 1]], trial: t.n });
    if (merged) {
      all.push(...points, '-');
    } else {
      series.push({ name: '#' + t.n, type: 'line', symbol: 'none', showSymbol: false, data: points, connectNulls: false,
        lineStyle: { width: 1, color: Tune.STATES[t.state], opacity: 0.75 }, itemStyle: { color: Tune.STATES[t.state] },
        emphasis: { focus: 'series', lineStyle: { width: 2.5 } } });
    }
  });
  if (merged) {
    series.push({ name: 'trials', type: 'line', symbol: 'none', data: all, connectNulls: false, large: true,
      lineStyle: { width: 0.6, color: '#57606a', opacity: 0.5 } });
  }
  series.push({ name: 'cut by the scheduler', type: 'scatter', symbol: 'triangle', symbolSize: 9, data: cuts,
    itemStyle: { color: Tune.STATES.pruned, borderColor: '#1f2328', borderWidth: 0.5 }, z: 5 });
  series.push({ name: 'PBT exploit', type: 'scatter', symbol: 'diamond', symbolSize: 10, data: exploits,
    itemStyle: { color: '#8250df', borderColor: '#fff', borderWidth: 1 }, z: 6 });
  const el = Tune.el('div', { class: 'chart' });
  el.dataset.lines = String(trials.length);
  body.appendChild(el);
  Tune.chart(el, {
    grid: { left: 70, right: 24, top: 24, bottom: 48 },
    tooltip: { trigger: 'item', formatter: p => (p.data && p.data.trial ? p.seriesName + ': #' + p.data.trial + ' at ' + p.value[0]
      + (p.data.donor ? ', copied #' + p.data.donor : '')
      : p.seriesName + ' at ' + p.value[0] + ': ' + Tune.fmt(p.value[1])) },
    xAxis: { type: 'value', name: 'iteration', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
    yAxis: Tune.objectiveAxis(k, { name: metric }),
    dataZoom: [{ type: 'inside' }],
    series
  });
});

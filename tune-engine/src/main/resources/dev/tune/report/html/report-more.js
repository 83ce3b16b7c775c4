'use strict';
/* Which hyperparameters matter (fANOVA, computed when the report was written), the Pareto front of
   several objectives, and Population Based Training's lineage and schedules. */
Tune.importanceOrder = k => {
  const entry = Tune.data.importance.metrics[k];
  const ranked = entry && entry.params.length > 0 ? entry.params.map(p => p.name) : [];
  Tune.data.params.forEach(p => { if (!ranked.includes(p.name)) ranked.push(p.name); });
  return ranked;
};

Tune.view('importance', 'Hyperparameter importance', (section, body) => {
  section.querySelector('.about').textContent += ' Method: ' + Tune.data.importance.method + '.';
  Tune.data.importance.metrics.forEach((entry, k) => {
    const title = Tune.objectiveLabel(k);
    if (entry.missing) {
      Tune.note(body, title + ': no importances, ' + entry.missing + '.');
      return;
    }
    const params = entry.params.slice().reverse();
    const el = Tune.el('div', { class: 'chart small', 'data-metric': entry.metric });
    el.style.height = Math.max(160, 60 + 28 * params.length) + 'px';
    body.appendChild(el);
    Tune.chart(el, {
      title: { text: title + ' · from ' + entry.trials + (entry.of > entry.trials ? ' of ' + entry.of : '') + ' completed trials',
        left: 0, textStyle: { fontSize: 13 } },
      grid: { left: 120, right: 60, top: 34, bottom: 24 },
      tooltip: { trigger: 'item', formatter: q => Tune.esc(q.name) + ': ' + (q.value * 100).toFixed(1) + '%' },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: v => Math.round(v * 100) + '%' } },
      yAxis: { type: 'category', data: params.map(p => p.name) },
      series: [{ name: 'importance', type: 'bar', data: params.map(p => p.importance), itemStyle: { color: '#0969da' },
        label: { show: true, position: 'right', formatter: q => (q.value * 100).toFixed(1) + '%' } }]
    });
  });
});

Tune.view('pareto', 'Pareto front', (section, body) => {
  const metrics = Tune.data.objective.metrics;
  if (metrics.length < 2) {
    Tune.note(body, 'One objective (' + Tune.objectiveLabel(0) + '): there is no trade-off to show. ' +
      'Name several metrics, as @Trainable(metric = {"loss", "latency"}), to see their Pareto front.');
    return;
  }
  const a = Number(section.dataset.a || 0);
  const b = Number(section.dataset.b || 1);
  const options = metrics.map((m, i) => [i, Tune.objectiveLabel(i)]);
  const controls = section.querySelector('.controls');
  controls.appendChild(Tune.select('x', options, a, v => { section.dataset.a = v; Tune.redraw('pareto'); }));
  controls.appendChild(Tune.select('y', options, b, v => { section.dataset.b = v; Tune.redraw('pareto'); }));
  const front = [];
  const rest = [];
  const infeasible = [];
  Tune.data.trials.forEach(t => {
    const x = Tune.value(t, a);
    const y = Tune.value(t, b);
    if (x === null || y === null) return;
    (t.pareto ? front : t.infeasible ? infeasible : rest).push([x, y, t.n]);
  });
  front.sort((p, q) => p[0] - q[0]);
  const trials = Tune.byNumber();
  const el = Tune.el('div', { class: 'chart' });
  body.appendChild(el);
  Tune.chart(el, {
    legend: { top: 0 }, grid: { left: 80, right: 24, top: 36, bottom: 50 },
    tooltip: { trigger: 'item', formatter: q => Tune.tooltipTrial(trials.get(q.value[2])) },
    xAxis: Tune.objectiveAxis(a, { nameGap: 28 }), yAxis: Tune.objectiveAxis(b, { nameGap: 56 }),
    series: [
      { name: 'on the front', type: 'scatter', symbolSize: 9, data: front, itemStyle: { color: '#cf222e' }, z: 5 },
      { name: 'dominated', type: 'scatter', symbolSize: 6, data: rest, itemStyle: { color: '#8c959f', opacity: 0.6 } },
      { name: 'breaks a constraint', type: 'scatter', symbol: 'rect', symbolSize: 6, data: infeasible,
        itemStyle: { color: '#fff', borderColor: '#cf222e', borderWidth: 1 } }
    ]
  });
});

Tune.view('lineage', 'PBT lineage', (section, body) => {
  const exploits = Tune.data.exploits;
  if (exploits.length === 0) {
    Tune.note(body, 'No trial copied another: this experiment ran without Population Based Training, or PBT made no exploit.');
    return;
  }
  const trials = Tune.data.trials;
  const rows = trials.map(t => '#' + t.n);
  const row = new Map(trials.map((t, i) => [t.n, i]));
  const last = Math.max(1, ...trials.map(t => Math.max(0, ...t.x)));
  const span = trials.map((t, i) => ({ value: [0, i, Math.max(0, ...t.x), t.n] }));
  const arrows = exploits.filter(e => row.has(e.donor) && row.has(e.trial))
    .map(e => ({ coords: [[e.from, row.get(e.donor)], [e.at, row.get(e.trial)]], exploit: e }));
  const el = Tune.el('div', { class: 'chart' });
  el.style.height = Math.max(240, 60 + 22 * rows.length) + 'px';
  body.appendChild(el);
  Tune.chart(el, {
    grid: { left: 60, right: 24, top: 16, bottom: 44 },
    tooltip: { trigger: 'item', formatter: q => (q.data.exploit ? '#' + q.data.exploit.trial + ' at ' + q.data.exploit.at +
      ' copied #' + q.data.exploit.donor + ' at ' + q.data.exploit.from : '') },
    xAxis: { type: 'value', name: 'iteration', nameLocation: 'middle', nameGap: 26, min: 0, max: last },
    yAxis: { type: 'category', data: rows, inverse: true },
    series: [
      { name: 'trials', type: 'custom', data: span, renderItem: (params, api) => {
        const a = api.coord([0, api.value(1)]);
        const b = api.coord([api.value(2), api.value(1)]);
        return { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: '#afb8c1', lineWidth: 6 } };
      } },
      { name: 'exploits', type: 'lines', coordinateSystem: 'cartesian2d', data: arrows, symbol: ['circle', 'arrow'],
        symbolSize: [5, 9], lineStyle: { color: '#8250df', width: 1.5, curveness: 0.15 }, z: 5 }
    ]
  });
  Tune.schedules(section, body);
});

/** Each hyperparameter's value over a trial's iterations as PBT changed it (Ray's pbt_policy files). */
Tune.schedules = (section, body) => {
  const mutated = Tune.data.params.filter(p => Tune.data.exploits.some(e => e.config[p.name] !== e.donorConfig[p.name]));
  if (mutated.length === 0) return;
  const name = section.dataset.param || mutated[0].name;
  const p = mutated.find(m => m.name === name) || mutated[0];
  const controls = section.querySelector('.controls');
  controls.appendChild(Tune.select('Schedule of', mutated.map(m => [m.name, m.name]), p.name,
    v => { section.dataset.param = v; Tune.redraw('lineage'); }));
  const series = Tune.data.trials.map(t => {
    const own = Tune.data.exploits.filter(e => e.trial === t.n);
    const first = own.length > 0 && t.firstConfig ? t.firstConfig : t.config;
    const data = [[0, Tune.position({ config: first }, p)]];
    own.forEach(e => data.push([e.from, Tune.position({ config: e.config }, p)]));
    data.push([Math.max(0, ...t.x), Tune.position(t, p)]);
    return { name: '#' + t.n, type: 'line', step: 'end', symbolSize: 4, data, lineStyle: { width: 1.2 } };
  });
  const el = Tune.el('div', { class: 'chart', 'data-schedule': p.name });
  body.appendChild(el);
  Tune.chart(el, {
    title: { text: 'Schedule of ' + p.name, left: 0, textStyle: { fontSize: 13 } },
    grid: { left: 80, right: 24, top: 34, bottom: 44 },
    tooltip: { trigger: 'item', formatter: q => q.seriesName + ' from iteration ' + q.value[0] + ': ' + p.name + ' = ' +
      Tune.fmt(p.type === 'choice' ? p.choices[q.value[1]] : q.value[1]) },
    xAxis: { type: 'value', name: 'iteration', nameLocation: 'middle', nameGap: 26, min: 0 },
    yAxis: Tune.paramAxis(p, { nameGap: 52 }),
    series
  });
};

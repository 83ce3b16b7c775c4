'use strict';
/* Where the good region is: parallel coordinates, one slice per hyperparameter, and a contour of a
   chosen pair (the objective interpolated between trials by inverse squared distance). */
Tune.view('parallel', 'Parallel coordinates', (section, body) => {
  const k = Tune.objectiveChoice(section, 'objective', () => Tune.redraw('parallel'));
  const params = Tune.data.params.filter(p => !p.conditional);
  const trials = Tune.data.trials.filter(t => Tune.value(t, k) !== null && params.every(p => Tune.position(t, p) !== null));
  if (trials.length === 0 || params.length === 0) {
    Tune.note(body, params.length === 0 ? 'No hyperparameter is shared by every trial.' : 'No trial has a finite ' + Tune.metric(k) + ' yet.');
    return;
  }
  const values = trials.map(t => Tune.value(t, k));
  const axes = params.map((p, i) => p.type === 'choice'
    ? { dim: i, name: p.name, type: 'category', data: p.choices }
    : { dim: i, name: p.name, type: p.log && p.low > 0 ? 'log' : 'value', min: p.low, max: p.high, scale: true });
  axes.push({ dim: params.length, name: Tune.objectiveLabel(k), type: 'value', scale: true,
    nameTextStyle: { fontWeight: 'bold' } });
  const data = trials.map(t => ({ value: params.map(p => (p.type === 'choice' ? String(t.config[p.name]) : t.config[p.name]))
    .concat([Tune.value(t, k)]), trial: t.n }));
  const el = Tune.el('div', { class: 'chart' });
  body.appendChild(el);
  const good = Tune.mode(k) === 'max' ? ['#d0d7de', '#0969da'] : ['#0969da', '#d0d7de'];
  Tune.chart(el, {
    parallel: { left: 60, right: 90, top: 40, bottom: 30, parallelAxisDefault: { nameLocation: 'start', nameGap: 14,
      nameTextStyle: { fontSize: 12 } } },
    parallelAxis: axes,
    visualMap: { type: 'continuous', dimension: params.length, min: Math.min(...values), max: Math.max(...values),
      right: 4, top: 'middle', itemHeight: 200, calculable: true, inRange: { color: good }, text: ['', ''] },
    series: [{ name: 'trials', type: 'parallel', data, smooth: false, progressive: 800,
      lineStyle: { width: 1, opacity: 0.6 } }]
  });
});

Tune.view('slices', 'Slice plots', (section, body) => {
  const k = Tune.objectiveChoice(section, 'objective', () => Tune.redraw('slices'));
  const trials = Tune.byNumber();
  const grid = Tune.el('div', { class: 'grid' });
  body.appendChild(grid);
  const n = Tune.data.trials.length;
  Tune.data.params.forEach(p => {
    const data = [];
    Tune.data.trials.forEach(t => {
      const x = Tune.position(t, p);
      const y = Tune.value(t, k);
      if (x !== null && x >= 0 && y !== null) data.push({ value: [x, y, t.n], trial: t.n });
    });
    const el = Tune.el('div', { class: 'chart small', 'data-param': p.name });
    grid.appendChild(el);
    Tune.chart(el, {
      title: { text: p.name + (p.log ? ' (log)' : '') + (p.conditional ? ' (conditional)' : ''), left: 'center',
        textStyle: { fontSize: 13 } },
      grid: { left: 62, right: 16, top: 30, bottom: 40 },
      tooltip: { trigger: 'item', formatter: q => Tune.tooltipTrial(trials.get(q.value[2])) },
      xAxis: Tune.paramAxis(p, { name: '' }),
      yAxis: Tune.objectiveAxis(k, { nameGap: 44, name: Tune.metric(k) }),
      visualMap: { show: false, dimension: 2, min: 1, max: Math.max(2, n), inRange: { color: ['#c8e1ff', '#0a3069'] } },
      series: [{ name: p.name, type: 'scatter', symbolSize: 6, data, large: data.length > 2000 }]
    });
  });
  if (Tune.data.params.length === 0) Tune.note(body, 'This experiment has no hyperparameters.');
});

Tune.contourCells = 40;
Tune.view('contour', 'Contour', (section, body) => {
  const params = Tune.data.params;
  if (params.length < 2) {
    Tune.note(body, 'A contour needs two hyperparameters; this experiment has ' + params.length + '.');
    return;
  }
  const k = Tune.objectiveChoice(section, 'objective', () => Tune.redraw('contour'));
  const ranked = Tune.importanceOrder(k);
  const x = section.dataset.x || ranked[0];
  const y = section.dataset.y || ranked.find(n => n !== x);
  const names = params.map(p => [p.name, p.name]);
  const controls = section.querySelector('.controls');
  controls.appendChild(Tune.select('x', names, x, v => { section.dataset.x = v; Tune.redraw('contour'); }));
  controls.appendChild(Tune.select('y', names, y, v => { section.dataset.y = v; Tune.redraw('contour'); }));
  const px = params.find(p => p.name === x);
  const py = params.find(p => p.name === y);
  const trials = Tune.data.trials.filter(t => Tune.value(t, k) !== null && Tune.position(t, px) !== null && Tune.position(t, py) !== null);
  if (trials.length === 0) {
    Tune.note(body, 'No trial has both ' + x + ' and ' + y + ' and a finite ' + Tune.metric(k) + '.');
    return;
  }
  const gx = Tune.cells(px);
  const gy = Tune.cells(py);
  const tx = trials.map(t => Tune.unit(px, Tune.position(t, px)));
  const ty = trials.map(t => Tune.unit(py, Tune.position(t, py)));
  const tv = trials.map(t => Tune.value(t, k));
  const cells = [];
  for (let i = 0; i < gx.length; i++) {
    for (let j = 0; j < gy.length; j++) {
      const cx = Tune.unit(px, gx[i].mid);
      const cy = Tune.unit(py, gy[j].mid);
      let num = 0;
      let den = 0;
      let exact = null;
      for (let t = 0; t < tv.length; t++) {
        const d2 = (tx[t] - cx) ** 2 + (ty[t] - cy) ** 2;
        if (d2 < 1e-12) { exact = tv[t]; break; }
        num += tv[t] / d2;
        den += 1 / d2;
      }
      cells.push([gx[i].lo, gx[i].hi, gy[j].lo, gy[j].hi, exact !== null ? exact : num / den]);
    }
  }
  const values = cells.map(c => c[4]);
  const good = Tune.mode(k) === 'max' ? ['#f6f8fa', '#0969da'] : ['#0969da', '#f6f8fa'];
  const el = Tune.el('div', { class: 'chart' });
  body.appendChild(el);
  const byNumber = Tune.byNumber();
  Tune.chart(el, {
    grid: { left: 80, right: 90, top: 20, bottom: 50 },
    tooltip: { trigger: 'item', formatter: q => (q.seriesName === 'trials' ? Tune.tooltipTrial(byNumber.get(q.value[2]))
      : Tune.metric(k) + ' ≈ ' + Tune.fmt(q.value[4])) },
    xAxis: Tune.paramAxis(px), yAxis: Tune.paramAxis(py, { nameGap: 52 }),
    visualMap: { type: 'continuous', dimension: 4, seriesIndex: 0, min: Math.min(...values), max: Math.max(...values),
      right: 4, top: 'middle', calculable: true, inRange: { color: good } },
    series: [
      { name: 'interpolated', type: 'custom', data: cells, encode: { x: [0, 1], y: [2, 3] }, silent: false,
        renderItem: (params, api) => {
          const a = api.coord([api.value(0), api.value(3)]);
          const b = api.coord([api.value(1), api.value(2)]);
          return { type: 'rect', shape: { x: a[0], y: a[1], width: b[0] - a[0] + 0.5, height: b[1] - a[1] + 0.5 },
            style: { fill: api.visual('color') } };
        } },
      { name: 'trials', type: 'scatter', symbolSize: 5, data: trials.map(t => [Tune.position(t, px), Tune.position(t, py), t.n]),
        itemStyle: { color: '#1f2328', borderColor: '#fff', borderWidth: 0.5 }, z: 5 }
    ]
  });
});

/** A hyperparameter's axis cut into cells: its choices, or equal steps (in log space for log domains). */
Tune.cells = p => {
  if (p.type === 'choice') return p.choices.map((c, i) => ({ lo: i - 0.5, hi: i + 0.5, mid: i }));
  const n = p.type === 'int' ? Math.min(Tune.contourCells, p.high - p.low + 1) : Tune.contourCells;
  const log = p.log && p.low > 0;
  const a = log ? Math.log10(p.low) : p.low;
  const b = log ? Math.log10(p.high) : p.high;
  const out = [];
  for (let i = 0; i < n; i++) {
    const lo = a + (b - a) * i / n;
    const hi = a + (b - a) * (i + 1) / n;
    const f = v => (log ? 10 ** v : v);
    out.push({ lo: f(lo), hi: f(hi), mid: f((lo + hi) / 2) });
  }
  return out;
};
/** A position scaled to [0, 1] along the hyperparameter's axis, so distances weigh axes alike. */
Tune.unit = (p, v) => {
  if (p.type === 'choice') return p.choices.length < 2 ? 0 : v / (p.choices.length - 1);
  const log = p.log && p.low > 0 && v > 0;
  const a = log ? Math.log10(p.low) : p.low;
  const b = log ? Math.log10(p.high) : p.high;
  return b === a ? 0 : ((log ? Math.log10(v) : v) - a) / (b - a);
};

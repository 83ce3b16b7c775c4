'use strict';
/* The report's shared helpers: data access, number formats, state colours, axes. Views register
   themselves with Tune.view(id, title, render); report-main.js lays them out and redraws them. */
const Tune = {
  STATES: { completed: '#2da44e', stopped: '#0969da', pruned: '#d4a72c', cancelled: '#8c959f',
    'timed out': '#bc4c00', failed: '#cf222e', running: '#8250df', paused: '#c297ff', pending: '#afb8c1' },
  STATE_TEXT: { completed: 'completed', stopped: 'stopped by its stop conditions', pruned: 'cut by the scheduler',
    cancelled: 'cancelled', 'timed out': 'interrupted at its time limit', failed: 'failed', running: 'running',
    paused: 'paused', pending: 'pending' },
  views: [],
  data: null,
  logObjective: false,
  view(id, title, render) { Tune.views.push({ id, title, render }); },

  fmt(v) {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'number') return String(v);
    if (!isFinite(v)) return String(v);
    const a = Math.abs(v);
    if (v === Math.round(v) && a < 1e15) return String(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(3);
    return String(Number(v.toPrecision(5)));
  },
  esc(s) {
    return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  },
  el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  },

  metric(k) { return Tune.data.objective.metrics[k]; },
  mode(k) { return Tune.data.objective.modes[k]; },
  objectiveLabel(k) { return Tune.metric(k) + ' (' + Tune.mode(k) + ')'; },
  /** What every view says about the objective: which metric, which mode, how it was computed. */
  aboutObjective() {
    const o = Tune.data.objective;
    return 'Objective: ' + (o.text || o.metrics.map((m, k) => Tune.objectiveLabel(k)).join(', ')) + ', each trial\'s last reported value.';
  },
  better(k, a, b) { return Tune.mode(k) === 'max' ? a > b : a < b; },
  finite(v) { return typeof v === 'number' && isFinite(v); },
  value(t, k) { const v = t.values[k]; return Tune.finite(v) ? v : null; },

  /** The plotted position of a trial's hyperparameter: its number, or its choice's index; null when absent. */
  position(t, p) {
    const v = t.config[p.name];
    if (v === undefined || v === null) return null;
    if (p.type === 'choice') return p.choices.indexOf(String(v));
    return typeof v === 'number' ? v : null;
  },
  /** An ECharts value axis for a hyperparameter: log for log domains, categories as labelled positions. */
  paramAxis(p, extra) {
    const axis = Object.assign({ name: p.name, nameLocation: 'middle', nameGap: 26, scale: true }, extra || {});
    if (p.type === 'choice') {
      return Object.assign(axis, { type: 'value', min: -0.5, max: p.choices.length - 0.5, interval: 1,
        axisLabel: { formatter: i => (Number.isInteger(i) && p.choices[i] !== undefined ? p.choices[i] : '') } });
    }
    if (p.log && p.low > 0) return Object.assign(axis, { type: 'log', logBase: 10, min: p.low, max: p.high });
    return Object.assign(axis, { type: 'value', min: p.low, max: p.high });
  },
  objectiveAxis(k, extra) {
    const values = Tune.data.trials.map(t => Tune.value(t, k)).filter(v => v !== null);
    const log = Tune.logObjective && values.length > 0 && values.every(v => v > 0);
    return Object.assign({ type: log ? 'log' : 'value', name: Tune.objectiveLabel(k), nameLocation: 'middle',
      nameGap: 46, scale: true }, extra || {});
  },
  /** Draws option into el, creating the chart on first use; returns the ECharts instance. */
  chart(el, option) {
    const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(Object.assign({ animation: false }, option), true);
    return chart;
  },
  select(label, options, value, onChange) {
    const wrap = Tune.el('label', {}, label + ' ');
    const s = Tune.el('select');
    options.forEach(([v, text]) => { const o = Tune.el('option', { value: v }, text); s.appendChild(o); });
    s.value = String(value);
    s.addEventListener('change', () => onChange(s.value));
    wrap.appendChild(s);
    return wrap;
  },
  objectiveChoice(section, key, onChange) {
    const metrics = Tune.data.objective.metrics;
    if (metrics.length < 2) return 0;
    const k = Number(section.dataset[key] || 0);
    section.querySelector('.controls').appendChild(Tune.select('Objective', metrics.map((m, i) => [i, Tune.objectiveLabel(i)]), k,
      v => { section.dataset[key] = v; onChange(); }));
    return k;
  },
  note(container, text) { container.appendChild(Tune.el('div', { class: 'note' }, text)); },
  tooltipTrial(t) {
    return '#' + t.n + ' · ' + Tune.STATE_TEXT[t.state] + (t.infeasible ? ' · breaks a constraint' : '') + '<br>' +
      Object.entries(t.config).map(([k, v]) => Tune.esc(k) + ' = ' + Tune.esc(Tune.fmt(v))).join('<br>') +
      '<br>' + Tune.data.objective.metrics.map((m, k) => Tune.esc(m) + ': ' + Tune.esc(Tune.fmt(t.values[k]))).join('<br>');
  },
  byNumber() {
    const map = new Map();
    Tune.data.trials.forEach(t => map.set(t.n, t));
    return map;
  }
};

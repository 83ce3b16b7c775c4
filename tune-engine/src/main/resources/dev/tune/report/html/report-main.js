'use strict';
/* Lays the views out, draws the summary, and in a live dashboard fetches the data again as results
   arrive (only when it changed), redrawing without a reload. */
/** Draws one view again; a search box being typed into keeps its place and focus (a live update may come mid-word). */
Tune.redraw = id => {
  const v = Tune.views.find(w => w.id === id);
  const section = document.getElementById('view-' + id);
  const focused = document.activeElement && document.activeElement.type === 'search' ? document.activeElement : null;
  const controls = section.querySelector('.controls');
  const kept = focused && controls.contains(focused) ? focused : null;
  section.querySelectorAll('.chart').forEach(el => { const c = echarts.getInstanceByDom(el); if (c) c.dispose(); });
  const body = section.querySelector('.body');
  body.textContent = '';
  if (kept) {
    [...controls.childNodes].filter(n => n !== kept).forEach(n => n.remove());
  } else {
    controls.textContent = '';
  }
  section.querySelector('.about').textContent = Tune.aboutObjective();
  try {
    v.render(section, body);
  } catch (e) {
    Tune.note(body, 'This view could not be drawn: ' + e.message);
    throw e;
  }
  if (kept) {
    [...controls.childNodes].filter(n => n !== kept && n.tagName === 'INPUT' && n.type === 'search').forEach(n => n.remove());
  }
};

Tune.summary = () => {
  const d = Tune.data;
  const e = d.experiment;
  const box = document.getElementById('summary');
  box.textContent = '';
  const counts = {};
  d.trials.forEach(t => { counts[t.state] = (counts[t.state] || 0) + 1; });
  const item = (label, value) => {
    const span = Tune.el('span', {}, label + ' ');
    span.appendChild(Tune.el('b', {}, value));
    box.appendChild(span);
  };
  item('status', e.status + (document.body.dataset.live ? ' · live' : ''));
  item('trainable', e.trainable || '');
  if (!e.searcherDescription) item('searcher', e.searcher || '');
  item('scheduler', e.scheduler || 'fifo');
  item('trials', d.trials.length + ' (' + Object.entries(counts).map(([k, n]) => n + ' ' + k).join(', ') + ')');
  if (d.objective.metrics.length === 1) {
    let best = null;
    d.trials.forEach(t => {
      const v = Tune.value(t, 0);
      if (v !== null && !t.infeasible && (best === null || Tune.better(0, v, Tune.value(best, 0)))) best = t;
    });
    if (best) item('best', '#' + best.n + ' ' + d.objective.metrics[0] + ' = ' + Tune.fmt(Tune.value(best, 0)));
  } else {
    item('Pareto front', d.trials.filter(t => t.pareto).length + ' trials');
  }
  item('objective', d.objective.metrics.map((m, k) => Tune.objectiveLabel(k)).join(', '));
  if (e.startedAt) item('started', e.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
  if (e.wallSeconds) item('wall time', Tune.fmt(e.wallSeconds) + ' s');
  if (Tune.updated) item('updated', Tune.updated);
  if (e.searcherDescription) box.appendChild(Tune.el('div', { class: 'searcher' }, 'Searcher: ' + e.searcherDescription));
};

Tune.layout = () => {
  const main = document.getElementById('views');
  const nav = document.getElementById('nav');
  Tune.views.forEach(v => {
    const section = Tune.el('section', { id: 'view-' + v.id, 'data-view': v.id });
    section.appendChild(Tune.el('h2', {}, v.title));
    section.appendChild(Tune.el('div', { class: 'about' }));
    section.appendChild(Tune.el('div', { class: 'controls' }));
    section.appendChild(Tune.el('div', { class: 'body' }));
    main.appendChild(section);
    nav.appendChild(Tune.el('a', { href: '#view-' + v.id }, v.title));
  });
  const log = Tune.el('label', { class: 'toggle' }, ' log scale for the objective');
  const box = Tune.el('input', { type: 'checkbox', id: 'log-objective' });
  box.addEventListener('change', () => {
    Tune.logObjective = box.checked;
    Tune.views.forEach(v => Tune.redraw(v.id));
  });
  log.prepend(box);
  nav.appendChild(log);
  window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach(el => {
    const c = echarts.getInstanceByDom(el);
    if (c) c.resize();
  }));
};

/** Expands the data's compact forms: a curve whose iterations are 1..n carries just n as its x. */
Tune.expand = data => {
  data.trials.forEach(t => {
    if (typeof t.x === 'number') t.x = Array.from({ length: t.x }, (v, i) => i + 1);
  });
  return data;
};

Tune.render = () => {
  Tune.summary();
  Tune.views.forEach(v => Tune.redraw(v.id));
  document.body.dataset.trials = String(Tune.data.trials.length);
};

Tune.poll = async () => {
  const url = document.body.dataset.live;
  try {
    const response = await fetch(url, { cache: 'no-store', headers: Tune.etag ? { 'If-None-Match': Tune.etag } : {} });
    if (response.status === 200) {
      Tune.etag = response.headers.get('ETag');
      Tune.data = Tune.expand(await response.json());
      Tune.updated = new Date().toLocaleTimeString();
      Tune.render();
    }
  } catch (e) {
    console.info('tune: the dashboard did not answer; trying again', e.message);
  }
  setTimeout(Tune.poll, 1500);
};

Tune.data = Tune.expand(JSON.parse(document.getElementById('tune-data').textContent));
Tune.layout();
Tune.render();
document.body.dataset.renderMs = String(Math.round(performance.now())); // for the BR benchmark
if (document.body.dataset.live) setTimeout(Tune.poll, 1500);

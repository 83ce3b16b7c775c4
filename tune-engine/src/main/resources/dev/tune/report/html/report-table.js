'use strict';
/* Every trial in a table: click a heading to sort, type to filter (any cell, or column=text), pick
   a state; 200 rows a page, so 10,000 trials stay quick. */
Tune.table = { sort: 0, descending: false, filter: '', state: '', page: 0, size: 200 };

Tune.view('trials', 'Trials', (section, body) => {
  const s = Tune.table;
  const data = Tune.data;
  const columns = [
    { name: '#', get: t => t.n, num: true },
    { name: 'state', get: t => t.state, state: true }
  ].concat(data.params.map(p => ({ name: p.name, get: t => t.config[p.name], num: p.type !== 'choice' })))
    .concat(data.objective.metrics.map((m, k) => ({ name: m, get: t => t.values[k], num: true })))
    .concat([{ name: 'iterations', get: t => t.iterations, num: true },
      { name: 'time (s)', get: t => t.seconds, num: true },
      { name: 'error', get: t => t.error || '', err: true }]);
  const controls = section.querySelector('.controls');
  const filter = Tune.el('input', { type: 'search', placeholder: 'filter: text, or column=value', size: '32', 'aria-label': 'filter trials' });
  filter.value = s.filter;
  filter.addEventListener('input', () => { s.filter = filter.value; s.page = 0; Tune.redraw('trials'); });
  controls.appendChild(filter);
  const states = [['', 'all states']].concat(Object.keys(Tune.STATES).filter(k => data.trials.some(t => t.state === k))
    .map(k => [k, k + ' (' + data.trials.filter(t => t.state === k).length + ')']));
  controls.appendChild(Tune.select('State', states, s.state, v => { s.state = v; s.page = 0; Tune.redraw('trials'); }));
  const rows = Tune.filterTrials(data.trials, columns);
  const c = columns[s.sort] || columns[0];
  rows.sort((a, b) => Tune.compare(c.get(a), c.get(b)) * (s.descending ? -1 : 1));
  const pages = Math.max(1, Math.ceil(rows.length / s.size));
  s.page = Math.min(s.page, pages - 1);
  const shown = rows.slice(s.page * s.size, (s.page + 1) * s.size);
  const wrap = Tune.el('div', { class: 'table-wrap' });
  const table = Tune.el('table', { id: 'trial-table', 'data-rows': String(rows.length) });
  const head = Tune.el('tr');
  columns.forEach((col, i) => {
    const th = Tune.el('th', { class: (col.num ? 'num ' : '') + (i === s.sort ? (s.descending ? 'sorted-desc' : 'sorted-asc') : '') },
      col.name);
    th.addEventListener('click', () => { s.descending = s.sort === i ? !s.descending : false; s.sort = i; Tune.redraw('trials'); });
    head.appendChild(th);
  });
  const thead = Tune.el('thead');
  thead.appendChild(head);
  table.appendChild(thead);
  const tbody = Tune.el('tbody');
  shown.forEach(t => {
    const tr = Tune.el('tr', { 'data-trial': String(t.n) });
    columns.forEach(col => {
      const v = col.get(t);
      const td = Tune.el('td', { class: col.num ? 'num' : col.err ? 'err' : '' });
      if (col.state) {
        const chip = Tune.el('span', { class: 'state', title: Tune.STATE_TEXT[v] }, v);
        chip.style.background = Tune.STATES[v];
        td.appendChild(chip);
      } else {
        td.textContent = Tune.fmt(v);
      }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);
  wrap.appendChild(table);
  body.appendChild(wrap);
  const pager = Tune.el('div', { class: 'pager' }, 'Showing ' + (rows.length === 0 ? 0 : s.page * s.size + 1) + '–' +
    (s.page * s.size + shown.length) + ' of ' + rows.length + (rows.length < data.trials.length ? ' (filtered from ' + data.trials.length + ')' : '') + ' ');
  [['‹ previous', -1], ['next ›', 1]].forEach(([text, step]) => {
    const b = Tune.el('button', { type: 'button' }, text);
    b.disabled = s.page + step < 0 || s.page + step >= pages;
    b.addEventListener('click', () => { s.page += step; Tune.redraw('trials'); });
    pager.appendChild(b);
  });
  body.appendChild(pager);
});

Tune.filterTrials = (trials, columns) => {
  const s = Tune.table;
  const text = s.filter.trim().toLowerCase();
  const eq = text.indexOf('=');
  const column = eq > 0 ? columns.find(c => c.name.toLowerCase() === text.slice(0, eq).trim()) : null;
  const wanted = column ? text.slice(eq + 1).trim() : text;
  return trials.filter(t => {
    if (s.state && t.state !== s.state) return false;
    if (!wanted) return true;
    const cells = column ? [column.get(t)] : columns.map(c => c.get(t));
    return cells.some(v => v !== null && v !== undefined && (column ? Tune.fmt(v).toLowerCase() === wanted || String(v).toLowerCase() === wanted
      : Tune.fmt(v).toLowerCase().includes(wanted) || String(v).toLowerCase().includes(wanted)));
  });
};

Tune.compare = (a, b) => {
  const na = a === null || a === undefined || a === '';
  const nb = b === null || b === undefined || b === '';
  if (na || nb) return na && nb ? 0 : na ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
};

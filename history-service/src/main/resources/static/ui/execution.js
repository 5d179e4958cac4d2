// The execution page: the state machine drawn from GET …/graph (laid out by the service), coloured
// from GET …/timeline, with the path the execution took; a Gantt chart of the timeline; the details
// of a clicked state; and, while the execution runs, live updates from GET …/events (SSE).
'use strict';

(() => {
  const { el, svg, getJson, executionPath, duration, time, bytes, pretty, pill } = Stateway;
  const arn = decodeURIComponent(location.pathname.replace(/^\/ui\/executions\//, ''));
  const GANTT_ITERATIONS = 30;
  const NESTED_ITERATIONS = 10;

  const view = {
    execution: null, graph: null, timeline: null,
    visits: new Map(),      // state name -> [{visit, context}]
    taken: new Set(),       // 'from>to' by name; '^start' and '^end' for the terminals
    endReached: false,
    selected: null, selectedVisit: 0,
    io: new Map(),          // state name -> Map(event id -> event), read lazily
    stream: null,
  };

  // ------------------------------------------------------------------ loading and live updates

  async function load() {
    try {
      const [execution, graph, timeline] = await Promise.all([
        getJson(executionPath(arn)), getJson(executionPath(arn, '/graph')), getJson(executionPath(arn, '/timeline'))]);
      view.execution = execution;
      view.graph = graph;
      view.timeline = timeline;
      index();
      renderHeader();
      renderGraph();
      renderGantt();
      showExecution();
      if (execution.status === 'RUNNING') follow();
      document.body.dataset.ready = 'true';
    } catch (error) {
      document.querySelector('.page').replaceChildren(el('div', { class: 'problem' },
        el('h2', { text: error.type || 'Error' }), el('p', { text: error.message })));
      document.body.dataset.ready = 'error';
    }
  }

  let refreshing = null;
  let again = false;
  function refreshSoon() {
    if (refreshing) { again = true; return; }
    refreshing = new Promise((resolve) => setTimeout(resolve, 250)).then(async () => {
      try {
        const [execution, timeline] = await Promise.all([getJson(executionPath(arn)), getJson(executionPath(arn, '/timeline'))]);
        view.execution = execution;
        view.timeline = timeline;
        view.io.clear();
        index();
        renderHeader();
        paintGraph();
        renderGantt();
        if (view.selected) showDetails(view.selected, view.selectedVisit);
        else showExecution();
      } finally {
        refreshing = null;
        if (again) { again = false; refreshSoon(); }
      }
    });
  }

  function follow() {
    const live = document.getElementById('live');
    const stream = new EventSource(executionPath(arn, '/events') + '?includeExecutionData=false');
    view.stream = stream;
    live.classList.add('on');
    let seen = 0;
    stream.onopen = () => { live.classList.remove('reconnecting'); setLiveText('Live'); };
    stream.onmessage = (message) => {
      seen = Number(message.lastEventId) || seen;
      // The stream first replays what the page already has; refresh only for what is new.
      if (seen > (view.timeline.eventCount || 0)) refreshSoon();
    };
    stream.addEventListener('end', () => {
      stream.close();
      live.classList.remove('on');
      refreshSoon();
    });
    stream.onerror = () => {
      if (stream.readyState === EventSource.CLOSED) live.classList.remove('on');
      else { live.classList.add('reconnecting'); setLiveText('Reconnecting'); }
    };
    setInterval(() => {
      if (view.execution.status === 'RUNNING') updateDuration();
    }, 1000);
  }

  function setLiveText(text) {
    document.getElementById('live-text').textContent = text;
  }

  // ------------------------------------------------------------------ what happened to each state

  function index() {
    view.visits = new Map();
    view.taken = new Set();
    const walk = (states, context) => {
      states.forEach((visit, i) => {
        if (!view.visits.has(visit.name)) view.visits.set(visit.name, []);
        view.visits.get(visit.name).push({ visit, context });
        if (i > 0) view.taken.add(states[i - 1].name + '>' + visit.name);
        (visit.branches || []).forEach((branch) => walk(branch.states || [], 'Branch ' + (branch.index + 1)));
        if (visit.map) {
          visit.map.iterations.forEach((iteration) => walk(iteration.states || [], 'Iteration ' + iteration.index));
        }
      });
    };
    const top = view.timeline.states;
    walk(top, null);
    if (top.length > 0) view.taken.add('^start>' + top[0].name);
    const last = top[top.length - 1];
    view.endReached = view.timeline.status !== 'RUNNING' && last !== undefined
      && (last.status === 'SUCCEEDED' || last.type === 'Fail');
    if (view.endReached) view.taken.add(last.name + '>^end');
  }

  /** A state's colour: what happened on its visits, the worst first. */
  function statusOf(name) {
    const visits = (view.visits.get(name) || []).map((v) => v.visit);
    if (visits.length === 0) return 'notreached';
    const any = (status) => visits.some((v) => v.status === status);
    if (any('RUNNING')) return 'running';
    if (any('FAILED')) return 'failed';
    if (any('CAUGHT')) return 'caught';
    if (any('ABORTED')) return 'aborted';
    return visits.some((v) => v.retried) ? 'retried' : 'succeeded';
  }

  const STATUS_WORDS = { succeeded: 'Succeeded', failed: 'Failed', caught: 'Caught', retried: 'Succeeded after retries',
    running: 'Running', aborted: 'Stopped', notreached: 'Not reached' };
  const ICONS = { succeeded: '✓', failed: '✕', caught: '⤳', retried: '↻', running: '●', aborted: '■', notreached: '' };

  // ------------------------------------------------------------------ header, cards, failure

  function renderHeader() {
    const e = view.execution;
    const t = view.timeline;
    document.title = e.name + ' · ' + e.status + ' · Stateway';
    document.getElementById('name').textContent = e.name;
    document.getElementById('status').replaceChildren(pill(e.status));
    document.getElementById('arn').textContent = e.executionArn;
    const machine = document.getElementById('machine-link');
    machine.textContent = e.stateMachineName || e.stateMachineArn.split(':').pop();
    machine.href = '/ui/executions?stateMachineArn=' + encodeURIComponent(e.stateMachineArn);
    const card = (label, value, sub, id) => el('div', { class: 'card' },
      el('div', { class: 'label', text: label }), el('div', { class: 'value', id, text: value }), sub ? el('div', { class: 'sub', text: sub }) : null);
    document.getElementById('cards').replaceChildren(
      card('Started', time(e.startDate).slice(11), time(e.startDate).slice(0, 10)),
      card('Duration', duration(t.durationMillis), e.stopDate ? 'ended ' + time(e.stopDate).slice(11) : 'still running', 'duration'),
      card('State visits', String(t.totals.stateVisits), t.totals.tasks + ' task' + (t.totals.tasks === 1 ? '' : 's')),
      card('Retries', String(t.totals.retries), duration(t.totals.retryMillis) + ' backing off'),
      card('Events', String(t.eventCount), 'in the history'));
    const failure = document.getElementById('failure');
    failure.classList.toggle('shown', Boolean(e.error || e.cause));
    document.getElementById('failure-error').textContent = e.error || '';
    document.getElementById('failure-cause').textContent = pretty(e.cause);
    document.getElementById('totals').replaceChildren(
      ...[['in tasks', t.totals.taskMillis], ['waiting', t.totals.waitMillis], ['backing off', t.totals.retryMillis],
        ['queued', t.totals.queuedMillis]].map(([label, ms]) => el('span', {}, el('b', { text: duration(ms) }), ' ' + label)));
  }

  function updateDuration() {
    const value = document.getElementById('duration');
    if (value) value.textContent = duration(Date.now() - new Date(view.execution.startDate).getTime());
  }

  // ------------------------------------------------------------------ the graph

  function renderGraph() {
    const g = view.graph;
    const root = document.getElementById('graph');
    root.replaceChildren();
    root.setAttribute('viewBox', '0 0 ' + g.width + ' ' + g.height);
    root.setAttribute('width', g.width);
    root.setAttribute('height', g.height);
    root.append(svg('defs', {},
      marker('arrow'), marker('arrow-taken')));
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const backgrounds = svg('g', { class: 'containers' });
    const edges = svg('g', { class: 'edges' });
    const labels = svg('g', { class: 'edge-labels' });
    const states = svg('g', { class: 'states' });
    root.append(backgrounds, edges, labels, states);

    for (const node of g.nodes) {
      if (node.kind !== 'STATE') states.append(terminal(node));
      else if (node.groups.length > 0) backgrounds.append(container(node));
      else states.append(state(node));
    }
    for (const edge of g.edges) {
      const from = byId.get(edge.from);
      const to = byId.get(edge.to);
      const key = endName(from) + '>' + endName(to);
      const path = svg('path', { class: 'edge ' + edge.kind.toLowerCase(), d: route(edge), 'data-key': key,
        'data-from': from.name || from.kind, 'data-to': to.name || to.kind });
      edges.append(path);
      if (edge.label) labels.append(edgeLabel(edge, key));
    }
    for (const text of root.querySelectorAll('text[data-fit]')) fit(text, Number(text.dataset.fit));
    paintGraph();
  }

  function endName(node) {
    return node.kind === 'START' ? '^start' : node.kind === 'END' ? '^end' : node.name;
  }

  function marker(id) {
    return svg('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }));
  }

  function route(edge) {
    const p = edge.points;
    let d = 'M ' + p[0].x + ' ' + p[0].y;
    for (let i = 1; i < p.length; i++) {
      const a = p[i - 1];
      const b = p[i];
      if (edge.back || a.x === b.x) d += ' L ' + b.x + ' ' + b.y;
      else {
        const middle = (a.y + b.y) / 2;
        d += ' C ' + a.x + ' ' + middle + ' ' + b.x + ' ' + middle + ' ' + b.x + ' ' + b.y;
      }
    }
    return d;
  }

  function edgeLabel(edge, key) {
    const p = edge.points;
    const [a, b] = edge.back ? [p[1], p[2]] : [p[0], p[1]];
    const x = (a.x + b.x) / 2;
    const y = (a.y + b.y) / 2;
    const text = edge.label.length > 28 ? edge.label.slice(0, 27) + '…' : edge.label;
    const width = text.length * 5.9 + 10;
    return svg('g', { class: 'edge-label', 'data-key': key, transform: 'translate(' + x + ' ' + y + ')' },
      svg('title', { text: edge.label }),
      svg('rect', { x: -width / 2, y: -8, width, height: 16, rx: 8 }),
      svg('text', { x: 0, y: 3.5, 'text-anchor': 'middle', text }));
  }

  function state(node) {
    return svg('g', { class: 'node', 'data-name': node.name, transform: 'translate(' + node.x + ' ' + node.y + ')', onclick: () => select(node.name) },
      svg('title', { text: node.name + ' (' + node.type + ')' }),
      svg('rect', { class: 'box', width: node.width, height: node.height, rx: 8 }),
      svg('rect', { class: 'stripe', x: 3, y: 7, width: 4, height: node.height - 14, rx: 2 }),
      svg('text', { class: 'name', x: 15, y: 18, 'data-fit': node.width - 40, text: node.name }),
      svg('text', { class: 'type', x: 15, y: 32, 'data-fit': node.width - 52, text: node.type + (node.retries ? ' · retries' : '') }),
      svg('text', { class: 'badge', x: node.width - 10, y: 25, 'text-anchor': 'end' }));
  }

  function container(node) {
    const group = svg('g', { class: 'node container', 'data-name': node.name, onclick: (event) => {
      if (event.target.closest('.node') === group) select(node.name);
    } },
    svg('title', { text: node.name + ' (' + node.type + ')' }),
    svg('rect', { class: 'box', x: node.x, y: node.y, width: node.width, height: node.height, rx: 10 }),
    svg('rect', { class: 'stripe', x: node.x + 3, y: node.y + 7, width: 4, height: 20, rx: 2 }),
    svg('text', { class: 'name', x: node.x + 15, y: node.y + 20, 'data-fit': node.width - 36 - node.type.length * 6.5, text: node.name }),
    svg('text', { class: 'type', x: node.x + node.width - 12, y: node.y + 20, 'text-anchor': 'end', text: node.type }),
    svg('text', { class: 'badge', x: node.x + node.width - 12, y: node.y + node.height - 8, 'text-anchor': 'end' }));
    for (const box of node.groups) {
      group.append(svg('g', { class: 'group' },
        svg('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 8 }),
        svg('text', { x: box.x + 10, y: box.y + 16, text: box.label })));
    }
    return group;
  }

  function terminal(node) {
    return svg('g', { class: 'terminal', 'data-kind': node.kind, transform: 'translate(' + node.x + ' ' + node.y + ')' },
      svg('rect', { width: node.width, height: node.height, rx: node.height / 2 }),
      svg('text', { x: node.width / 2, y: node.height / 2 + 4, 'text-anchor': 'middle', text: node.kind === 'START' ? 'Start' : 'End' }));
  }

  /** Shortens an SVG text to the width it has, with an ellipsis (the full name is in the tooltip). */
  function fit(text, width) {
    const full = text.textContent;
    if (width <= 0 || text.getComputedTextLength() <= width) return;
    let length = full.length;
    while (length > 1 && text.getComputedTextLength() > width) {
      length--;
      text.textContent = full.slice(0, length) + '…';
    }
  }

  /** Colours the drawn graph from the timeline: each state's status, the edges taken, the terminals reached. */
  function paintGraph() {
    const root = document.getElementById('graph');
    for (const node of root.querySelectorAll('.node')) {
      const name = node.dataset.name;
      const status = statusOf(name);
      node.classList.remove(...Object.keys(STATUS_WORDS));
      node.classList.add(status);
      node.classList.toggle('selected', name === view.selected);
      node.dataset.status = status;
      const visits = view.visits.get(name) || [];
      const badge = node.querySelector(':scope > .badge');
      const info = view.graph.nodes.find((n) => n.name === name);
      let text = ICONS[status];
      if (info.type === 'Map' && visits.length > 0 && visits[visits.length - 1].visit.map) {
        const run = visits[visits.length - 1].visit.map;
        const done = (run.counts.SUCCEEDED || 0) + (run.counts.CAUGHT || 0);
        text = done + ' / ' + run.length + ' iterations' + (run.counts.FAILED ? ' · ' + run.counts.FAILED + ' failed' : '');
      } else if (visits.length > 1) {
        text = '×' + visits.length + ' ' + text;
      } else if (status === 'retried') {
        text = '↻ ' + visits[0].visit.attempts.length;
      }
      badge.textContent = text;
      badge.setAttribute('fill', 'var(--' + status + ')');
    }
    for (const path of root.querySelectorAll('.edge')) {
      const taken = view.taken.has(path.dataset.key);
      path.classList.toggle('taken', taken);
      path.setAttribute('marker-end', taken ? 'url(#arrow-taken)' : 'url(#arrow)');
    }
    for (const label of root.querySelectorAll('.edge-label')) label.classList.toggle('taken', view.taken.has(label.dataset.key));
    for (const terminal of root.querySelectorAll('.terminal')) {
      terminal.classList.toggle('reached', terminal.dataset.kind === 'START' || view.endReached);
    }
  }

  // ------------------------------------------------------------------ the selected state

  /** Before a state is picked: the execution's own input and output. */
  function showExecution() {
    const e = view.execution;
    document.getElementById('details').replaceChildren(
      el('p', { class: 'hint', text: 'Click a state (or a row of the timeline) to see its input, output, errors and retries.' }),
      el('h4', { text: 'Execution input' }), el('pre', { class: 'input', text: pretty(e.input) || '(none)' }),
      el('h4', { text: 'Execution output' }),
      el('pre', { class: 'output', text: e.output ? pretty(e.output) : e.status === 'RUNNING' ? '(not yet)' : '(none)' }));
  }

  function select(name, visit) {
    view.selected = name;
    view.selectedVisit = visit || 0;
    paintGraph();
    for (const row of document.querySelectorAll('.gantt .row')) row.classList.toggle('selected', row.dataset.name === name);
    showDetails(name, view.selectedVisit);
  }

  async function showDetails(name, visitIndex) {
    const panel = document.getElementById('details');
    const node = view.graph.nodes.find((n) => n.name === name);
    const status = statusOf(name);
    const visits = view.visits.get(name) || [];
    const parts = [el('h3', { text: name }),
      el('div', { class: 'meta' }, pill(status, STATUS_WORDS[status]), '  ', node.type,
        visits.length > 1 ? ' · ' + visits.length + ' visits' : '')];
    if (visits.length === 0) {
      parts.push(el('p', { class: 'hint', text: view.execution.status === 'RUNNING' ? 'Not reached yet.' : 'The execution never reached this state.' }));
      panel.replaceChildren(...parts);
      return;
    }
    if (visits.length > 1) {
      parts.push(el('div', { class: 'visits' }, visits.slice(0, 40).map((v, i) => el('button', {
        class: i === visitIndex ? 'active' : '', text: v.context ? v.context : '#' + (i + 1),
        onclick: () => select(name, i) }))));
    }
    const { visit, context } = visits[Math.min(visitIndex, visits.length - 1)];
    parts.push(el('dl', {},
      context ? [el('dt', { text: 'In' }), el('dd', { text: context })] : null,
      el('dt', { text: 'Entered' }), el('dd', { class: 'mono', text: time(visit.enteredAt) }),
      el('dt', { text: 'Exited' }), el('dd', { class: 'mono', text: visit.exitedAt ? time(visit.exitedAt) : visit.status === 'RUNNING' ? 'still running' : '–' }),
      el('dt', { text: 'Duration' }), el('dd', { text: duration(visit.durationMillis) }),
      el('dt', { text: 'Input' }), el('dd', { text: bytes(visit.inputBytes) }),
      el('dt', { text: 'Output' }), el('dd', { text: bytes(visit.outputBytes) })));
    if (visit.error || visit.cause) {
      parts.push(el('div', { class: 'errorbox' + (visit.status === 'CAUGHT' ? ' caught' : '') },
        el('div', { class: 'error', text: (visit.status === 'CAUGHT' ? 'Caught: ' : '') + (visit.error || 'Error') }),
        el('div', { class: 'cause', text: pretty(visit.cause) })));
    }
    if (visit.attempts && visit.attempts.length > 1) {
      parts.push(el('h4', { text: 'Attempts' }), el('table', {},
        el('tr', {}, ['#', 'Result', 'Took', 'Error', 'Back-off'].map((h) => el('th', { text: h }))),
        visit.attempts.map((a) => el('tr', {},
          el('td', { text: String(a.number) }), el('td', {}, pill(a.status.toLowerCase(), a.status.toLowerCase())),
          el('td', { text: duration(a.durationMillis) }),
          el('td', { title: a.cause || '', text: a.error || '' }),
          el('td', { text: a.backoffMillis !== undefined && a.backoffMillis !== null ? duration(a.backoffMillis) : '' })))));
    }
    if (visit.map) parts.push(...mapSummary(visit.map));
    const input = el('pre', { class: 'input', text: '…' });
    const output = el('pre', { class: 'output', text: visit.exitedEventId ? '…' : visit.status === 'RUNNING' ? '(not yet)' : '(none: the state did not complete)' });
    parts.push(el('h4', { text: 'Input' }), input, el('h4', { text: 'Output' }), output);
    panel.replaceChildren(...parts);

    const events = await stateEvents(name);
    if (view.selected !== name) return;
    input.textContent = pretty(detailsOf(events.get(visit.enteredEventId), 'input')) || '(none)';
    if (visit.exitedEventId) output.textContent = pretty(detailsOf(events.get(visit.exitedEventId), 'output')) || '(none)';
  }

  function mapSummary(run) {
    const parts = [el('h4', { text: 'Iterations' })];
    parts.push(el('dl', {},
      el('dt', { text: 'Items' }), el('dd', { text: String(run.length) }),
      Object.entries(run.counts).filter(([, n]) => n > 0).map(([status, n]) => [el('dt', { text: status.toLowerCase() }), el('dd', { text: String(n) })]),
      run.durations ? [el('dt', { text: 'Durations' }),
        el('dd', { text: 'min ' + duration(run.durations.min) + ' · median ' + duration(run.durations.median) + ' · p95 '
          + duration(run.durations.p95) + ' · max ' + duration(run.durations.max) })] : null,
      run.slowest && run.slowest.length ? [el('dt', { text: 'Slowest' }), el('dd', { text: run.slowest.map((i) => '#' + i).join(', ') })] : null,
      run.failed && run.failed.length ? [el('dt', { text: 'Failed' }), el('dd', { text: run.failed.map((i) => '#' + i).join(', ') })] : null));
    return parts;
  }

  async function stateEvents(name) {
    if (!view.io.has(name)) {
      const events = new Map();
      let token = null;
      do {
        const page = await getJson(executionPath(arn, '/history') + '?maxResults=1000&stateName=' + encodeURIComponent(name)
          + (token ? '&nextToken=' + encodeURIComponent(token) : ''));
        for (const event of page.events) events.set(event.id, event);
        token = page.nextToken;
      } while (token && events.size < 5000);
      view.io.set(name, events);
    }
    return view.io.get(name);
  }

  function detailsOf(event, member) {
    if (!event) return null;
    const key = Object.keys(event).find((k) => k.endsWith('EventDetails'));
    return key ? event[key][member] : null;
  }

  // ------------------------------------------------------------------ the Gantt timeline

  function renderGantt() {
    const t = view.timeline;
    const start = new Date(t.startDate).getTime();
    const end = new Date(t.stopDate || t.asOf).getTime();
    const span = Math.max(1, end - start);
    const at = (iso) => ((new Date(iso).getTime() - start) / span) * 100;
    const rows = [];
    const axis = el('div', { class: 'axis' }, el('div', { text: 'State' }), el('div', { class: 'ticks' },
      [0, 0.25, 0.5, 0.75, 1].map((f) => {
        const tick = el('span', { text: f === 0 ? '0' : '+' + duration(span * f) });
        tick.style.left = f * 100 + '%';
        return tick;
      })), el('div', { class: 'duration', text: 'Took' }));
    rows.push(axis);

    const bar = (from, to, classes, title) => {
      const left = Math.max(0, Math.min(100, at(from)));
      const right = Math.max(left, Math.min(100, at(to || t.asOf)));
      const node = el('div', { class: 'bar ' + classes, title });
      node.style.left = left + '%';
      node.style.width = Math.max(0.2, right - left) + '%';
      return node;
    };
    const addVisits = (states, depth) => {
      for (const visit of states) {
        const status = visit.status === 'SUCCEEDED' && visit.retried ? 'retried' : visit.status.toLowerCase();
        const track = el('div', { class: 'track' });
        const nested = (visit.attempts && visit.attempts.length > 1) || visit.branches || visit.map;
        track.append(bar(visit.enteredAt, visit.exitedAt, status + (nested ? ' container' : ''),
          visit.name + ' · ' + duration(visit.durationMillis)));
        if (visit.attempts && visit.attempts.length > 1) {
          for (const attempt of visit.attempts) {
            track.append(bar(attempt.scheduledAt, attempt.endedAt, 'attempt ' + attempt.status.toLowerCase(),
              'Attempt ' + attempt.number + ' · ' + duration(attempt.durationMillis) + (attempt.error ? ' · ' + attempt.error : '')));
            if (attempt.backoffMillis && attempt.endedAt) {
              const until = new Date(new Date(attempt.endedAt).getTime() + attempt.backoffMillis).toISOString();
              track.append(bar(attempt.endedAt, until, 'backoff', 'Back-off ' + duration(attempt.backoffMillis)));
            }
          }
        }
        const label = el('div', { class: 'label' }, visit.name, el('span', { class: 'kind', text: visit.type }));
        label.style.paddingLeft = depth * 16 + 'px';
        rows.push(el('div', { class: 'row' + (depth ? ' sub' : '') + (visit.name === view.selected ? ' selected' : ''),
          'data-name': visit.name, 'data-status': status, onclick: () => select(visit.name) },
        label, track, el('div', { class: 'duration', text: duration(visit.durationMillis) })));
        for (const branch of visit.branches || []) group('Branch ' + (branch.index + 1), branch, depth + 1, true);
        if (visit.map) {
          const iterations = visit.map.iterations;
          iterations.slice(0, GANTT_ITERATIONS).forEach((iteration) =>
            group('Iteration ' + iteration.index, iteration, depth + 1, iterations.length <= NESTED_ITERATIONS));
          if (iterations.length > GANTT_ITERATIONS) {
            rows.push(el('div', { class: 'more', text: '… and ' + (iterations.length - GANTT_ITERATIONS) + ' more iterations' }));
          }
        }
      }
    };
    const group = (name, branch, depth, withStates) => {
      const status = branch.status.toLowerCase();
      const track = el('div', { class: 'track' }, bar(branch.startedAt, branch.endedAt, status,
        name + ' · ' + duration(branch.durationMillis) + (branch.error ? ' · ' + branch.error : '')));
      const label = el('div', { class: 'label', text: name });
      label.style.paddingLeft = depth * 16 + 'px';
      rows.push(el('div', { class: 'row sub', 'data-status': status }, label, track,
        el('div', { class: 'duration', text: duration(branch.durationMillis) })));
      if (withStates && branch.states) addVisits(branch.states, depth + 1);
    };
    addVisits(t.states, 0);
    document.getElementById('gantt').replaceChildren(...rows);
  }

  load();
})();

// The execution list: GET /v1/executions with the filters in the page's query string.
'use strict';

(() => {
  const { el, getJson, duration, time, pill } = Stateway;
  const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];
  const query = new URLSearchParams(location.search);
  const form = document.getElementById('filters');
  const rows = document.getElementById('rows');
  const more = document.getElementById('more');
  const counts = document.getElementById('counts');
  let nextToken = null;

  form.stateMachineArn.value = query.get('stateMachineArn') || '';
  form.statusFilter.value = query.get('statusFilter') || '';
  form.namePrefix.value = query.get('namePrefix') || '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of ['stateMachineArn', 'statusFilter', 'namePrefix']) {
      if (form[name].value.trim()) next.set(name, form[name].value.trim());
    }
    location.search = next.toString();
  });
  more.addEventListener('click', () => load(false));

  async function load(first) {
    const params = new URLSearchParams();
    for (const name of ['stateMachineArn', 'statusFilter', 'namePrefix']) {
      if (query.get(name)) params.set(name, query.get(name));
    }
    params.set('maxResults', '50');
    if (!first && nextToken) params.set('nextToken', nextToken);
    try {
      const page = await getJson('/v1/executions?' + params);
      if (first) rows.replaceChildren();
      if (first && page.counts) showCounts(page.counts);
      for (const execution of page.executions) rows.append(row(execution));
      if (first && page.executions.length === 0) {
        rows.append(el('tr', {}, el('td', { colspan: 5, class: 'empty', text: 'No executions match.' })));
      }
      nextToken = page.nextToken || null;
      more.hidden = !nextToken;
    } catch (error) {
      rows.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'empty', text: error.message })));
      more.hidden = true;
    }
  }

  function showCounts(byStatus) {
    counts.replaceChildren();
    for (const status of STATUSES) {
      if (byStatus[status]) {
        const link = new URLSearchParams(location.search);
        link.set('statusFilter', status);
        counts.append(el('a', { href: '?' + link }, pill(status, status.replace('_', ' ') + ' ' + byStatus[status])));
      }
    }
  }

  function row(execution) {
    const started = new Date(execution.startDate).getTime();
    const stopped = execution.stopDate ? new Date(execution.stopDate).getTime() : Date.now();
    const machine = execution.stateMachineArn.split(':').pop();
    return el('tr', { 'data-status': execution.status },
      el('td', {}, pill(execution.status)),
      el('td', {}, el('a', { href: '/ui/executions/' + encodeURIComponent(execution.executionArn), text: execution.name })),
      el('td', {}, el('a', { href: '?stateMachineArn=' + encodeURIComponent(execution.stateMachineArn), text: machine })),
      el('td', { class: 'num', text: time(execution.startDate) }),
      el('td', { class: 'num', text: duration(stopped - started) }));
  }

  load(true).finally(() => { document.body.dataset.ready = 'true'; });
})();

// Shared by the execution pages: the API, formatting, and building DOM without innerHTML (every
// name, payload and error comes from users' definitions and data, so it is only ever text).
'use strict';

const Stateway = (() => {
  const SVG = 'http://www.w3.org/2000/svg';

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    set(node, attributes);
    append(node, children);
    return node;
  }

  function svg(tag, attributes, ...children) {
    const node = document.createElementNS(SVG, tag);
    set(node, attributes);
    append(node, children);
    return node;
  }

  function set(node, attributes) {
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(body.message || ('HTTP ' + response.status));
      error.type = body.__type;
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function executionPath(arn, suffix) {
    return '/v1/executions/' + encodeURIComponent(arn) + (suffix || '');
  }

  function duration(ms) {
    if (ms === null || ms === undefined || isNaN(ms)) return '–';
    if (ms < 1000) return Math.round(ms) + ' ms';
    if (ms < 10000) return (ms / 1000).toFixed(2) + ' s';
    if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
    const s = Math.floor(ms / 1000);
    if (s < 3600) return Math.floor(s / 60) + 'm ' + String(s % 60).padStart(2, '0') + 's';
    if (s < 86400) return Math.floor(s / 3600) + 'h ' + String(Math.floor(s / 60) % 60).padStart(2, '0') + 'm';
    return Math.floor(s / 86400) + 'd ' + String(Math.floor(s / 3600) % 24).padStart(2, '0') + 'h';
  }

  function time(iso) {
    if (!iso) return '–';
    const date = new Date(iso);
    const pad = (n, w) => String(n).padStart(w || 2, '0');
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' + pad(date.getHours())
      + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds()) + '.' + pad(date.getMilliseconds(), 3);
  }

  function bytes(n) {
    if (n === null || n === undefined) return '–';
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KiB';
    return (n / 1024 / 1024).toFixed(1) + ' MiB';
  }

  /** JSON text pretty-printed when it parses, else as it is. */
  function pretty(text) {
    if (text === null || text === undefined) return '';
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch (notJson) {
      return String(text);
    }
  }

  function pill(status, label) {
    return el('span', { class: 'pill ' + status, text: label || status.replace('_', ' ') });
  }

  return { el, svg, getJson, executionPath, duration, time, bytes, pretty, pill };
})();

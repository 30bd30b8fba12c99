// The mock server's console. It uses the admin API alone (see the mock server's README), renders
// every value as text (never as HTML: paths and bodies are whatever clients sent), and redraws the
// moment the server changes while the tab is visible.
'use strict';

(() => {
  const TOKEN_KEY = 'fastly-mock-admin-token';
  const WAIT_S = 25; // how long the server may hold a wait for changes
  const MIN_GAP_MS = 250; // at most four redraws a second, however busy the server is
  const RETRY_MS = 1000; // after the server could not be reached
  const HIDDEN_CHECK_MS = 500; // how often a hidden tab looks whether it is shown again

  let token = sessionStorage.getItem(TOKEN_KEY);
  let lastId = 0;
  let journal = []; // oldest first
  const open = new Set(); // ids of journal rows showing their bodies
  const rendered = { accounts: null, faults: null }; // what each section shows, to redraw on change only
  let busy = false;
  let again = false; // a refresh was asked for while one ran

  const $ = (id) => document.getElementById(id);

  /** Refused for want of the admin token. */
  class Unauthorized extends Error {}

  /** An element with attributes and children; strings become text, never markup. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'text') {
        node.textContent = value;
      } else if (name.startsWith('on')) {
        node.addEventListener(name.slice(2), value);
      } else if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  async function admin(method, path, body) {
    const headers = {};
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
      method,
      headers,
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      throw new Unauthorized();
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const error = await response.json();
        detail = error.detail || error.msg || detail;
      } catch (ignored) {
        // Not Fastly's error format: the status says enough.
      }
      throw new Error(`${response.status}: ${detail}`);
    }
    return response.status === 204 ? null : response.json();
  }

  function setStatus(text, bad) {
    $('status').textContent = text;
    $('status').classList.toggle('bad', Boolean(bad));
  }

  // --- The admin token --------------------------------------------------------------------------

  function askForToken(refused) {
    const dialog = $('token-dialog');
    $('token-error').textContent = refused ? 'That token was refused. Try again.' : '';
    if (!dialog.open) {
      dialog.showModal();
    }
    $('token-input').focus();
  }

  $('token-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    token = $('token-input').value;
    try {
      await admin('GET', '/__admin/health');
    } catch (error) {
      if (error instanceof Unauthorized) {
        askForToken(true);
        return;
      }
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token-input').value = '';
    $('token-dialog').close();
    refresh();
  });

  $('token-dialog').addEventListener('cancel', (event) => event.preventDefault());

  // --- Accounts and invitations -----------------------------------------------------------------

  function copyButton(text, label) {
    return el('button', {
      type: 'button',
      class: 'small',
      'aria-label': label,
      onclick: async (event) => {
        const button = event.currentTarget;
        try {
          await navigator.clipboard.writeText(text);
          button.textContent = 'Copied';
        } catch (ignored) {
          button.textContent = 'Select it';
        }
        setTimeout(() => { button.textContent = 'Copy'; }, 1500);
      },
    }, 'Copy');
  }

  function renderAccounts(state, budgets) {
    const remaining = new Map(budgets.tokens.map((b) => [b.token, b.remaining]));
    $('budget-note').textContent =
      `Each token may write ${budgets.limit} times an hour; budgets renew at ${budgets.reset_at}.`;
    const accounts = state.customers.map((customer) => {
      const users = el('table', { class: 'users' },
        el('caption', { class: 'visually-hidden', text: `Users of ${customer.name}` }),
        el('thead', {}, el('tr', {},
          ['Email', 'Role', 'Fastly-Key', 'Writes left'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, customer.users.map((user) => el('tr', { 'data-token': user.token },
          el('td', { text: user.email }),
          el('td', { text: user.role + (user.limit_services ? ` (limited to ${(user.services || []).join(', ')})` : '') }),
          el('td', {}, el('code', { text: user.token }), ' ', copyButton(user.token, `Copy the token of ${user.email}`)),
          el('td', { class: 'budget', text: remaining.has(user.token) ? remaining.get(user.token) : '' })))));
      const invitations = customer.invitations.length === 0
        ? el('p', { class: 'hint', text: 'No pending invitation.' })
        : el('div', { class: 'scroll' }, el('table', { class: 'invitations' },
          el('caption', { class: 'visually-hidden', text: `Pending invitations of ${customer.name}` }),
          el('thead', {}, el('tr', {},
            ['Email', 'Role', 'Services', 'Sent by', 'Created', 'Updated', 'Id'].map((h) => el('th', { scope: 'col', text: h })),
            el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: 'Delete' })))),
          el('tbody', {}, customer.invitations.map((invitation) => el('tr', { 'data-invitation': invitation.email },
            el('td', { text: invitation.email }),
            el('td', { text: invitation.role }),
            el('td', { text: invitation.service_invitations.map((s) => `${s.service_id}: ${s.permission}`).join(', ') }),
            el('td', { text: invitation.sent_by || '' }),
            el('td', { text: invitation.created_at }),
            el('td', { text: invitation.updated_at }),
            el('td', {}, el('code', { text: invitation.id })),
            el('td', {}, el('button', {
              type: 'button',
              class: 'small danger',
              'aria-label': `Delete the invitation of ${invitation.email}`,
              onclick: () => act(() => admin('DELETE', `/__admin/invitations/${encodeURIComponent(invitation.id)}`)),
            }, 'Delete')))))));
      return el('article', { class: 'account', 'data-customer': customer.name },
        el('h3', {}, customer.name, ' ', el('span', { class: 'id', text: customer.id })),
        el('p', { class: 'hint', text: `Services: ${customer.services.join(', ') || 'none'}` }),
        el('div', { class: 'scroll' }, users),
        el('h4', { text: `Pending invitations (${customer.invitations.length})` }),
        invitations);
    });
    $('accounts').replaceChildren(...accounts);
  }

  // --- The journal ------------------------------------------------------------------------------

  function statusClass(status) {
    return status === 0 ? 0 : Math.floor(status / 100);
  }

  function renderJournal() {
    const wanted = $('filter-status').value;
    const pathPart = $('filter-path').value.trim();
    const rows = [];
    for (let i = journal.length - 1; i >= 0; i--) {
      const request = journal[i];
      const target = request.path + (request.query ? '?' + request.query : '');
      if (wanted !== '' && String(statusClass(request.status)) !== wanted) {
        continue;
      }
      if (pathPart && !target.includes(pathPart)) {
        continue;
      }
      const shown = open.has(request.id);
      rows.push(el('tr', { 'data-request': request.id },
        el('td', { text: request.received_at }),
        el('td', { text: request.method }),
        el('td', { class: 'path', text: target }),
        el('td', {},
          el('span', { class: `status s${statusClass(request.status)}`, text: request.status === 0 ? 'dropped' : request.status }),
          request.preferred ? el('span', { class: 'tag', text: 'preferred' }) : null),
        el('td', { text: request.duration_ms.toFixed(1) }),
        el('td', { text: request.user || '' }),
        el('td', {}, el('button', {
          type: 'button',
          class: 'small',
          'aria-expanded': String(shown),
          'aria-label': `${shown ? 'Hide' : 'Show'} the bodies of ${request.method} ${target}`,
          onclick: () => {
            if (open.has(request.id)) {
              open.delete(request.id);
            } else {
              open.add(request.id);
            }
            renderJournal();
          },
        }, shown ? 'Hide' : 'Bodies'))));
      if (shown) {
        rows.push(el('tr', { class: 'bodies' }, el('td', { colspan: 7 },
          el('strong', { text: 'Request' }), el('pre', { text: request.body || '(none)' }),
          el('strong', { text: 'Response' }), el('pre', { text: request.response_body || '(none)' }))));
      }
    }
    $('journal-body').replaceChildren(...rows);
    $('journal-empty').hidden = rows.length > 0;
    $('journal-empty').textContent = journal.length === 0 ? 'No request yet.' : 'No request matches the filter.';
  }

  $('filter-status').addEventListener('change', renderJournal);
  $('filter-path').addEventListener('input', renderJournal);
  $('journal-filter').addEventListener('submit', (event) => event.preventDefault());

  // --- Fault rules ------------------------------------------------------------------------------

  function renderFaults(faults) {
    const rows = faults.map((rule) => {
      const does = rule.drop_connection ? 'drops the connection'
        : rule.status ? `answers ${rule.status}` + (rule.delay_ms ? ` after ${rule.delay_ms} ms` : '')
          : `waits ${rule.delay_ms} ms`;
      return el('tr', { 'data-fault': rule.id },
        el('td', { text: rule.method }),
        el('td', { class: 'path', text: rule.path }),
        el('td', { text: does }),
        el('td', { text: rule.times === 0 ? 'every request' : rule.remaining }),
        el('td', { text: rule.probability }),
        el('td', {}, el('button', {
          type: 'button',
          class: 'small danger',
          'aria-label': `Remove the rule on ${rule.method} ${rule.path}`,
          onclick: () => act(() => admin('DELETE', `/__admin/faults/${encodeURIComponent(rule.id)}`)),
        }, 'Remove')));
    });
    $('faults-body').replaceChildren(...rows);
    $('faults-empty').hidden = rows.length > 0;
  }

  $('fault-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const kind = document.querySelector('input[name="fault-kind"]:checked').value;
    const rule = { method: $('fault-method').value, path: $('fault-path').value.trim() };
    if (kind === 'status') {
      rule.status = Number($('fault-status').value);
    } else if (kind === 'delay') {
      rule.delay_ms = Number($('fault-delay').value);
    } else {
      rule.drop_connection = true;
    }
    if ($('fault-times').value !== '') {
      rule.times = Number($('fault-times').value);
    }
    $('fault-error').textContent = '';
    try {
      await admin('POST', '/__admin/faults', rule);
      await refresh();
    } catch (error) {
      if (error instanceof Unauthorized) {
        askForToken(Boolean(token));
      } else {
        $('fault-error').textContent = `Not added: ${error.message}`;
      }
    }
  });

  // --- Reset and export -------------------------------------------------------------------------

  $('reset').addEventListener('click', () => {
    $('reset-dialog').showModal();
    $('reset-cancel').focus();
  });
  $('reset-cancel').addEventListener('click', () => $('reset-dialog').close());
  $('reset-form').addEventListener('submit', (event) => {
    event.preventDefault();
    $('reset-dialog').close();
    act(async () => {
      await admin('POST', '/__admin/reset');
      journal = [];
      open.clear();
    });
  });

  $('export').addEventListener('click', () => act(async () => {
    const state = await admin('GET', '/__admin/state');
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(state, null, 2)], { type: 'application/json' }));
    const link = el('a', { href: url, download: 'fastly-mock-state.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }));

  // --- Refreshing -------------------------------------------------------------------------------

  /** Runs an action of the console, then shows its effect at once. */
  async function act(action) {
    try {
      await action();
      await refresh();
    } catch (error) {
      if (error instanceof Unauthorized) {
        askForToken(Boolean(token));
      } else {
        setStatus(`Failed: ${error.message}`, true);
      }
    }
  }

  /** Asks for the admin token, saying the one kept for the tab was refused if there was one. */
  function waitForToken() {
    setStatus('Waiting for the admin token.', true);
    askForToken(Boolean(sessionStorage.getItem(TOKEN_KEY)));
    sessionStorage.removeItem(TOKEN_KEY);
  }

  /** Reads the journal's newer entries and everything else, and redraws what changed. */
  async function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const newer = await admin('GET', `/__admin/requests?after=${lastId}`);
      // What the server no longer keeps (cleared by a reset made elsewhere, or dropped for room)
      // leaves the page too.
      const kept = journal.filter((request) => request.id >= newer.kept_from);
      const forgotten = kept.length < journal.length;
      if (newer.requests.length > 0) {
        journal = kept.concat(newer.requests).slice(-1000);
        lastId = journal[journal.length - 1].id;
        renderJournal();
      } else if (forgotten || journal.length === 0) {
        journal = kept;
        renderJournal();
      }
      const [state, budgets, faults, health] = await Promise.all([
        admin('GET', '/__admin/state'),
        admin('GET', '/__admin/budgets'),
        admin('GET', '/__admin/faults'),
        admin('GET', '/__admin/health'),
      ]);
      // Redrawn only when they changed, so that focus and a pending click stay where they are.
      const accounts = JSON.stringify([state, budgets]);
      if (accounts !== rendered.accounts) {
        rendered.accounts = accounts;
        renderAccounts(state, budgets);
      }
      const rules = JSON.stringify(faults.faults);
      if (rules !== rendered.faults) {
        rendered.faults = rules;
        renderFaults(faults.faults);
      }
      setStatus(`${location.host}: ${health.invitations} invitations`
        + (health.proxy ? `, forwarding to ${health.proxy}` : '')
        + `. Updated ${new Date().toLocaleTimeString()}.`);
    } catch (error) {
      if (error instanceof Unauthorized) {
        waitForToken();
      } else {
        setStatus(`Cannot reach the server: ${error.message}`, true);
      }
    } finally {
      busy = false;
      if (again) {
        again = false;
        refresh();
      }
    }
  }

  const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

  /**
   * Redraws whenever the server's count of changes moves: /__admin/changes answers the moment a
   * request, a fault rule, an invitation or a reset changes anything, or after WAIT_S seconds
   * (then the page redraws anyway, for the write budgets' hour). Nothing is asked while the tab
   * is hidden or the admin token is being asked for.
   */
  async function follow() {
    let seen = null;
    for (;;) {
      if (document.hidden || $('token-dialog').open) {
        await pause(HIDDEN_CHECK_MS);
        continue;
      }
      try {
        const query = seen === null ? '' : `?after=${seen}&wait=${WAIT_S}`;
        // Counted before reading: a change made while the page reads is seen on the next turn.
        seen = (await admin('GET', `/__admin/changes${query}`)).changes;
        await refresh();
        await pause(MIN_GAP_MS);
      } catch (error) {
        seen = null; // perhaps another server now, counting from zero
        if (error instanceof Unauthorized) {
          waitForToken();
        } else {
          setStatus(`Cannot reach the server: ${error.message}`, true);
          await pause(RETRY_MS);
        }
      }
    }
  }

  follow();
})();

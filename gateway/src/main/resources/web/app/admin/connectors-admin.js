import { html } from 'lit';
import { Page } from '../page.js';
import { count, dateTime, number } from '../format.js';
import { api, query } from '../api.js';
import { actionNames } from '../labels.js';
import { copyShownOnce, fieldError, formProblem, keep } from './admin-shared.js';

const PAGE_SIZE = 10;

/** What a write key may do besides sending events, in words. */
function keyRights(key) {
  const rights = ['Send events'];
  if (key.identify) {
    rights.push('keep the roster from identify calls');
  }
  if (key.eventLogs) {
    rights.push('post Salesforce EventLogFiles');
  }
  if (key.origins?.length) {
    rights.push(`send from pages of ${key.origins.join(', ')}`);
  }
  return rights.join('; ');
}

/**
 * Why a listed name cannot be mapped (its events name nobody on the roster), or '' for a name that can: an anonymous
 * visitor's calls and the lines of a Salesforce user the roster does not know are listed, never counted.
 */
function unmappable(name) {
  if (name.startsWith('(anonymous) ')) {
    return 'Sent before an identify call named the visitor';
  }
  if (name === 'sf:(a user no roster entry names)') {
    return 'Give people their Salesforce user id on the roster';
  }
  return '';
}

/**
 * The connectors the CRM team keeps: write keys for Segment-compatible senders, the browser tracker and EventLogFile
 * jobs (the key is shown once); the names other tools sent that count as no action yet, mapped here (the past
 * recounted if asked); and the mappings made.
 */
class ConnectorsAdmin extends Page {
  static properties = {
    keyPage: { state: true }, keys: { state: true }, unmappedPage: { state: true }, unmapped: { state: true },
    mappingPage: { state: true }, mappings: { state: true }, names: { state: true },
    making: { state: true }, made: { state: true }, revoking: { state: true }, mapping: { state: true }, unmapping: { state: true },
    problem: { state: true }, notice: { state: true }, sending: { state: true },
  };

  static loadOn = ['keyPage', 'unmappedPage', 'mappingPage'];

  constructor() {
    super();
    this.keyPage = 0;
    this.unmappedPage = 0;
    this.mappingPage = 0;
  }

  async load() {
    await this.guard(async () => {
      const [keys, unmapped, mappings, names] = await Promise.all([
        api.get(`/api/metrics/write-keys${query({ page: this.keyPage, size: PAGE_SIZE })}`),
        api.get(`/api/metrics/unmapped-events${query({ page: this.unmappedPage, size: PAGE_SIZE })}`),
        api.get(`/api/metrics/event-mappings${query({ page: this.mappingPage, size: PAGE_SIZE })}`),
        actionNames(),
      ]);
      Object.assign(this, { keys, unmapped, mappings, names });
    });
  }

  async send(work) {
    this.sending = true;
    try {
      await work();
      this.problem = null;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  makeKey(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const origins = (form.get('origins') || '').toString().split(/\s+/).map((origin) => origin.trim()).filter(Boolean);
    return this.send(async () => {
      this.made = await api.post('/api/metrics/write-keys', {
        name: (form.get('name') || '').toString().trim(),
        identify: form.get('identify') === 'true',
        eventLogs: form.get('eventLogs') === 'true',
        origins,
      });
      this.making = false;
      this.notice = `The write key “${this.made.name}” is made.`;
    });
  }

  revoke() {
    const key = this.revoking;
    return this.send(async () => {
      await api.delete(`/api/metrics/write-keys/${encodeURIComponent(key.id)}`);
      this.revoking = null;
      this.notice = `The write key “${key.name}” is revoked: nothing it sends is accepted any more.`;
    });
  }

  map(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const { name } = this.mapping;
    const recount = form.get('recount') === 'true';
    return this.send(async () => {
      const saved = await api.put(`/api/metrics/event-mappings/${encodeURIComponent(name)}${query({ recount: recount || undefined })}`,
        { action: form.get('action') });
      this.mapping = null;
      const action = this.names?.get(saved.action) || saved.action;
      this.notice = recount
        ? `“${name}” now counts as ${action}; ${count(saved.recounted, 'earlier event was', 'earlier events were')} counted.`
        : `“${name}” now counts as ${action} from now on.`;
    });
  }

  unmap() {
    const { name } = this.unmapping;
    return this.send(async () => {
      await api.delete(`/api/metrics/event-mappings/${encodeURIComponent(name)}`);
      this.unmapping = null;
      this.notice = `“${name}” counts as no action any more; what it counted before stays counted.`;
    });
  }

  close() {
    this.making = false;
    this.revoking = null;
    this.mapping = null;
    this.unmapping = null;
    this.problem = null;
  }

  makeDialog() {
    const error = (field) => fieldError(this.problem, field);
    return html`<up-dialog heading="Make a write key" ?open=${Boolean(this.making)} @close=${() => this.close()}
      .body=${this.making ? html`<form novalidate data-testid="write-key-form" @input=${keep(this.values)} @change=${keep(this.values)}
          @submit=${(event) => this.makeKey(event)}>
        <up-field name="name" label="Name" required maxlength="100" placeholder="Segment production"
          hint="Where the key will be used" .value=${this.values.name || ''} error=${error('name')}></up-field>
        <up-field name="identify" type="checkbox" label="Its identify calls keep the roster (names, units, roles)"
          ?checked=${Boolean(this.values.identify)}></up-field>
        <up-field name="eventLogs" type="checkbox" label="It may post Salesforce EventLogFiles"
          ?checked=${Boolean(this.values.eventLogs)}></up-field>
        <up-field name="origins" type="textarea" label="Web origins for the browser tracker" maxlength="2000"
          hint="One per line, such as https://crm.example.com; none: no browser page may send with it"
          .value=${this.values.origins || ''} error=${error('origins')}></up-field>
        ${formProblem(this.problem, ['name', 'origins'])}
        <div class="actions"><button type="submit" ?disabled=${this.sending}>Make the key</button>
          <button type="button" class="secondary" @click=${() => this.close()}>Cancel</button></div>
      </form>` : ''}></up-dialog>`;
  }

  madeDialog() {
    const key = this.made;
    return html`<up-dialog heading="The write key" ?open=${Boolean(key)} @close=${() => { this.made = null; }}
      .body=${key ? html`<div data-testid="write-key-made">
        <p class="warning" role="alert"><strong>Copy it now: it is shown this once.</strong> Uptake keeps only a hash of it;
          if it is lost, make a new key and revoke this one.</p>
        <p>Give it to the sender as its write key (Segment's libraries: <code>writeKey</code>, the gateway's address as the
          host).</p>
        <p><code class="secret">${key.key}</code></p>
        <div class="actions"><button type="button" @click=${(event) => copyShownOnce(event, key.key, 'key')}>Copy the key</button>
          <button type="button" class="secondary" @click=${() => { this.made = null; }}>I have kept it</button></div>
      </div>` : ''}></up-dialog>`;
  }

  revokeDialog() {
    const key = this.revoking;
    return html`<up-dialog heading="Revoke this write key?" ?open=${Boolean(key)} @close=${() => this.close()}
      .body=${key ? html`<p>Nothing sent with “${key.name}” is accepted from now on. A revoked key cannot be used again.</p>
        ${formProblem(this.problem)}
        <div class="actions"><button type="button" class="danger" ?disabled=${this.sending} @click=${() => this.revoke()}>Revoke the key</button>
          <button type="button" class="secondary" @click=${() => this.close()}>Cancel</button></div>` : ''}></up-dialog>`;
  }

  mapDialog() {
    const target = this.mapping;
    const choices = [...(this.names || new Map()).entries()].map(([code, name]) => [code, name])
      .sort((one, other) => one[1].localeCompare(other[1]));
    return html`<up-dialog heading=${target ? `Map “${target.name}”` : 'Map a name'} ?open=${Boolean(target)} @close=${() => this.close()}
      .body=${target ? html`<form novalidate data-testid="mapping-form" @submit=${(event) => this.map(event)}>
        <up-field name="action" type="select" label="Counts as" required .choices=${choices} .value=${choices[0]?.[0] || ''}
          error=${fieldError(this.problem, 'action')}></up-field>
        <up-field name="recount" type="checkbox" checked
          label=${`Also count the ${count(target.events, 'event', 'events')} that arrived under this name (the last 90 days)`}></up-field>
        ${formProblem(this.problem, ['action'])}
        <div class="actions"><button type="submit" ?disabled=${this.sending}>Map</button>
          <button type="button" class="secondary" @click=${() => this.close()}>Cancel</button></div>
      </form>` : ''}></up-dialog>`;
  }

  unmapDialog() {
    const target = this.unmapping;
    return html`<up-dialog heading="Remove this mapping?" ?open=${Boolean(target)} @close=${() => this.close()}
      .body=${target ? html`<p>From now on “${target.name}” counts as no action and is listed as unmapped again. What it counted
          before stays counted.</p>
        ${formProblem(this.problem)}
        <div class="actions"><button type="button" class="danger" ?disabled=${this.sending} @click=${() => this.unmap()}>Remove</button>
          <button type="button" class="secondary" @click=${() => this.close()}>Cancel</button></div>` : ''}></up-dialog>`;
  }

  keysSection() {
    const columns = [
      { label: 'Name', cell: (key) => html`<strong>${key.name}</strong>` },
      { label: 'May', cell: (key) => keyRights(key) },
      { label: 'Made', cell: (key) => dateTime(key.createdAt) },
      { label: 'Last used', cell: (key) => (key.lastUsedAt ? dateTime(key.lastUsedAt) : 'Not yet') },
      { label: 'State', cell: (key) => html`<up-badge value=${key.revokedAt ? 'INACTIVE' : 'VALID'}
        label=${key.revokedAt ? `Revoked ${dateTime(key.revokedAt)}` : 'Live'}></up-badge>` },
      { label: '', cell: (key) => (key.revokedAt ? '' : html`<button type="button" class="secondary" aria-label=${`Revoke ${key.name}`}
        @click=${() => { this.problem = null; this.revoking = key; }}>Revoke</button>`) },
    ];
    return html`<section aria-labelledby="h-write-keys">
      <div class="admin-head"><h2 id="h-write-keys">Write keys</h2>
        <button type="button" @click=${() => { this.problem = null; this.values = {}; this.making = true; }}>Make a write key</button></div>
      <p class="muted">What Segment-compatible senders, the browser tracker and EventLogFile jobs send with, instead of a
        person's sign-in.${this.keys ? ` ${count(this.keys.total, 'key', 'keys')}.` : ''}</p>
      <up-table data-testid="write-keys" caption="Write keys" .columns=${columns} .rows=${this.keys?.items} .total=${this.keys?.total}
        .page=${this.keyPage} .size=${PAGE_SIZE} empty="No write key is made yet."
        @page=${(event) => { this.keyPage = event.detail; }}></up-table>
    </section>`;
  }

  unmappedSection() {
    const columns = [
      { label: 'Name', cell: (row) => html`<code class="wrap">${row.name}</code>` },
      { label: 'Events', numeric: true, cell: (row) => number(row.events) },
      { label: 'Last seen', cell: (row) => dateTime(row.lastSeen) },
      { label: '', cell: (row) => (unmappable(row.name) ? html`<span class="muted">${unmappable(row.name)}</span>`
        : html`<button type="button" class="secondary" aria-label=${`Map ${row.name}`}
          @click=${() => { this.problem = null; this.mapping = row; }}>Map…</button>`) },
    ];
    return html`<section aria-labelledby="h-unmapped">
      <h2 id="h-unmapped">Names that count as no action</h2>
      <p class="muted">Event names other tools sent that are neither a catalogue action nor mapped to one, most events
        first.${this.unmapped ? ` ${count(this.unmapped.total, 'name', 'names')}.` : ''}</p>
      <up-table data-testid="unmapped-events" caption="Names that count as no action" .columns=${columns} .rows=${this.unmapped?.items}
        .total=${this.unmapped?.total} .page=${this.unmappedPage} .size=${PAGE_SIZE} empty="Every name that arrived counts as an action."
        @page=${(event) => { this.unmappedPage = event.detail; }}></up-table>
    </section>`;
  }

  mappingsSection() {
    const columns = [
      { label: 'Name', cell: (row) => html`<code class="wrap">${row.name}</code>` },
      { label: 'Counts as', cell: (row) => this.names?.get(row.action) || row.action },
      { label: 'Changed', cell: (row) => dateTime(row.updatedAt) },
      { label: '', cell: (row) => html`<button type="button" class="secondary" aria-label=${`Remove the mapping of ${row.name}`}
        @click=${() => { this.problem = null; this.unmapping = row; }}>Remove</button>` },
    ];
    return html`<section aria-labelledby="h-mappings">
      <h2 id="h-mappings">Mappings</h2>
      <p class="muted">Names of other tools and the action each counts as.${this.mappings
        ? ` ${count(this.mappings.total, 'mapping', 'mappings')}.` : ''}</p>
      <up-table data-testid="event-mappings" caption="Event mappings" .columns=${columns} .rows=${this.mappings?.items}
        .total=${this.mappings?.total} .page=${this.mappingPage} .size=${PAGE_SIZE} empty="No name is mapped yet."
        @page=${(event) => { this.mappingPage = event.detail; }}></up-table>
    </section>`;
  }

  render() {
    return html`${this.errorBanner()}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${this.keysSection()}${this.unmappedSection()}${this.mappingsSection()}
      ${this.makeDialog()}${this.madeDialog()}${this.revokeDialog()}${this.mapDialog()}${this.unmapDialog()}`;
  }
}
customElements.define('connectors-admin', ConnectorsAdmin);

import { html } from 'lit';
import { Page } from '../page.js';
import { count, dateTime } from '../format.js';
import { api, query } from '../api.js';
import { copyShownOnce, fieldError, formProblem, keep, personNames } from './admin-shared.js';
import './webhook-deliveries.js';

const PAGE_SIZE = 10;
const EVENTS = [
  ['feedback.implemented', 'An idea or problem is implemented'],
  ['feedback.status-changed', 'Any status change'],
  ['digest.weekly', "Each manager's weekly digest (the unit's figures, no names)"],
];
const FORMATS = [['generic', 'Generic JSON'], ['slack', 'Slack'], ['teams', 'Microsoft Teams']];
const eventName = (code) => EVENTS.find(([value]) => value === code)?.[1] || code;

/**
 * The webhooks that post feedback events to chat or other systems: registered (the signing secret is shown once),
 * their secret rotated (shown once again), stopped, and every delivery attempt per webhook.
 */
class WebhookAdmin extends Page {
  static properties = {
    page: { state: true }, answer: { state: true }, creators: { state: true }, registering: { state: true }, secret: { state: true },
    confirming: { state: true }, open: { state: true }, problem: { state: true }, notice: { state: true }, sending: { state: true },
  };

  static loadOn = ['page'];

  constructor() {
    super();
    this.page = 0;
    this.open = new Set();
  }

  async load() {
    await this.guard(async () => {
      const answer = await api.get(`/api/feedback/webhooks${query({ page: this.page, size: PAGE_SIZE })}`);
      this.creators = await personNames(answer.items.map((hook) => hook.createdBy));
      this.answer = answer;
    });
  }

  async register(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.sending = true;
    try {
      const hook = await api.post('/api/feedback/webhooks', {
        url: (form.get('url') || '').toString().trim(), events: form.getAll('events'), format: form.get('format') || 'generic' });
      this.registering = false;
      this.problem = null;
      this.secret = { hook, rotated: false };
      this.notice = `The webhook to ${hook.url} is registered.`;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  async act() {
    const { hook, action } = this.confirming;
    this.sending = true;
    try {
      if (action === 'rotate') {
        const rotated = await api.post(`/api/feedback/webhooks/${encodeURIComponent(hook.id)}/secret`);
        this.secret = { hook: rotated, rotated: true };
      } else {
        await api.delete(`/api/feedback/webhooks/${encodeURIComponent(hook.id)}`);
        this.notice = `The webhook to ${hook.url} is stopped; its delivery log stays readable.`;
      }
      this.confirming = null;
      this.problem = null;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  toggle(hook) {
    const open = new Set(this.open);
    if (open.has(hook.id)) {
      open.delete(hook.id);
    } else {
      open.add(hook.id);
    }
    this.open = open;
  }

  registerDialog() {
    const error = (field) => fieldError(this.problem, field);
    const eventsError = (this.problem?.problem?.errors || []).find((one) => one.field.startsWith('events'))?.message;
    return html`<up-dialog heading="Register a webhook" ?open=${Boolean(this.registering)} @close=${() => { this.registering = false; this.problem = null; }}
      .body=${this.registering ? html`<form novalidate data-testid="webhook-form" @input=${keep(this.values)} @change=${keep(this.values)} @submit=${(event) => this.register(event)}>
        <up-field name="url" label="Address" type="url" required maxlength="2000" placeholder="https://hooks.slack.com/…"
          .value=${this.values.url || ''} hint="A public http(s) address; addresses inside the company network are refused" error=${error('url')}></up-field>
        <fieldset><legend>Events</legend>
          <ul class="plain">${EVENTS.map(([value, label], index) => html`<li><label class="check"><input type="checkbox" name="events" value=${value}
            ?checked=${index === 0} aria-describedby=${eventsError ? 'hook-events-error' : ''}>${label}</label></li>`)}</ul>
          ${eventsError ? html`<p class="field-error" id="hook-events-error">${eventsError}</p>` : ''}
        </fieldset>
        <up-field name="format" label="Format" type="select" required .choices=${FORMATS} .value=${this.values.format || 'generic'} error=${error('format')}></up-field>
        ${formProblem(this.problem, ['url', 'events', 'format'])}
        <div class="actions"><button type="submit" ?disabled=${this.sending}>Register</button>
          <button type="button" class="secondary" @click=${() => { this.registering = false; this.problem = null; }}>Cancel</button></div>
      </form>` : ''}></up-dialog>`;
  }

  secretDialog() {
    const shown = this.secret;
    return html`<up-dialog heading=${shown?.rotated ? 'The new signing secret' : 'The signing secret'} ?open=${Boolean(shown)}
      @close=${() => { this.secret = null; }}
      .body=${shown ? html`<div data-testid="webhook-secret">
        <p class="warning" role="alert"><strong>Copy it now: it is shown this once.</strong> Uptake keeps it encrypted and cannot show it again;
          if it is lost, rotate it.</p>
        <p>Give it to the receiver of ${shown.hook.url} to check the <code>webhook-signature</code> of each delivery.</p>
        <p><code class="secret">${shown.hook.secret}</code></p>
        ${shown.rotated && shown.hook.previousSecretValidUntil ? html`<p>Until ${dateTime(shown.hook.previousSecretValidUntil)} deliveries are signed
          with the old secret too, so the receiver can switch without a gap.</p>` : ''}
        <div class="actions"><button type="button" @click=${(event) => copyShownOnce(event, shown.hook.secret, 'secret')}>Copy the secret</button>
          <button type="button" class="secondary" @click=${() => { this.secret = null; }}>I have kept it</button></div>
      </div>` : ''}></up-dialog>`;
  }

  confirmDialog() {
    const target = this.confirming;
    const rotate = target?.action === 'rotate';
    return html`<up-dialog heading=${rotate ? 'Rotate the secret?' : 'Stop this webhook?'} ?open=${Boolean(target)}
      @close=${() => { this.confirming = null; this.problem = null; }}
      .body=${target ? html`<p>${rotate ? html`A new secret is made for ${target.hook.url} and shown once. The old one keeps working for 24 hours.`
        : html`Nothing more is posted to ${target.hook.url}. Its delivery log stays readable. A stopped webhook cannot be started again: register it anew.`}</p>
        ${formProblem(this.problem)}
        <div class="actions"><button type="button" class=${rotate ? '' : 'danger'} ?disabled=${this.sending} @click=${() => this.act()}>
          ${rotate ? 'Rotate the secret' : 'Stop the webhook'}</button>
          <button type="button" class="secondary" @click=${() => { this.confirming = null; this.problem = null; }}>Cancel</button></div>` : ''}></up-dialog>`;
  }

  hookCard(hook) {
    const open = this.open.has(hook.id);
    const by = this.creators?.get(hook.createdBy) || hook.createdBy;
    return html`<li class="card webhook">
      <div class="admin-head"><h3 class="wrap">${hook.url}</h3>
        <up-badge value=${hook.active ? 'VALID' : 'INACTIVE'} label=${hook.active ? 'Active' : 'Stopped'}></up-badge></div>
      <dl class="figures">
        <div><dt>Events</dt><dd><ul class="plain">${(hook.events || []).map((code) => html`<li>${eventName(code)}</li>`)}</ul></dd></div>
        <div><dt>Format</dt><dd>${FORMATS.find(([value]) => value === hook.format)?.[1] || hook.format}</dd></div>
        <div><dt>Registered</dt><dd>${dateTime(hook.createdAt)}${by ? html`, by <up-person user-id=${hook.createdBy} name=${by}></up-person>` : ''}</dd></div>
      </dl>
      <div class="actions">
        <button type="button" class="secondary" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`deliveries-${hook.id}`}
          @click=${() => this.toggle(hook)}>${open ? 'Hide deliveries' : 'Deliveries'}</button>
        ${hook.active ? html`
          <button type="button" class="secondary" @click=${() => { this.problem = null; this.confirming = { hook, action: 'rotate' }; }}>Rotate secret</button>
          <button type="button" class="secondary" @click=${() => { this.problem = null; this.confirming = { hook, action: 'stop' }; }}>Stop</button>` : ''}
      </div>
      <div id=${`deliveries-${hook.id}`}>${open ? html`<h4>Deliveries</h4><webhook-deliveries hook-id=${hook.id}></webhook-deliveries>` : ''}</div>
    </li>`;
  }

  render() {
    const hooks = this.answer?.items;
    return html`<section aria-labelledby="h-webhooks">
      <div class="admin-head"><h2 id="h-webhooks">Webhooks</h2>
        <button type="button" @click=${() => { this.problem = null; this.values = {}; this.registering = true; }}>Register a webhook</button></div>
      <p class="muted">Feedback events posted to chat or other systems, signed the Standard Webhooks way.${this.answer
        ? ` ${count(this.answer.total, 'webhook', 'webhooks')}.` : ''}</p>
      ${this.errorBanner()}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${hooks === undefined ? (this.error ? '' : html`<up-loading></up-loading>`) : hooks.length === 0 && this.page === 0
        ? html`<up-empty message="No webhook is registered." hint="Register one to post implemented ideas to a team's channel."></up-empty>`
        : html`<ul class="plain webhooks" data-testid="webhooks">${hooks.map((hook) => this.hookCard(hook))}</ul>
          <up-pager .total=${this.answer.total} .page=${this.page} .size=${PAGE_SIZE} label="Webhook pages"
            @page=${(event) => { this.page = event.detail; }}></up-pager>`}
    </section>
    ${this.registerDialog()}${this.secretDialog()}${this.confirmDialog()}`;
  }
}
customElements.define('webhook-admin', WebhookAdmin);

import { html } from 'lit';
import { Page } from '../page.js';
import { count, date } from '../format.js';
import { api, query } from '../api.js';
import { actionNames } from '../labels.js';
import { fieldError, formProblem, keep, personNames, rosterGroups } from './admin-shared.js';
import './process-violations.js';

const PAGE_SIZE = 10;
const FIELDS = ['name', 'businessUnit', 'firstAction', 'thenAction', 'withinDays'];

/**
 * Rules of order ("a customer reviewed before an opportunity is updated, within 7 days"): listed a page at a time,
 * added in a dialog, removed after a confirmation; and how often each unit broke them over a chosen range.
 */
class ProcessRulesAdmin extends Page {
  static properties = {
    page: { state: true }, answer: { state: true }, names: { state: true }, creators: { state: true }, groups: { state: true },
    adding: { state: true }, removing: { state: true }, problem: { state: true }, notice: { state: true }, sending: { state: true },
    version: { state: true },
  };

  static loadOn = ['page'];

  constructor() {
    super();
    this.page = 0;
    this.version = 0;
  }

  async load() {
    await this.guard(async () => {
      const [answer, names, groups] = await Promise.all([
        api.get(`/api/metrics/process-rules${query({ page: this.page, size: PAGE_SIZE })}`), actionNames(), rosterGroups()]);
      const creators = await personNames(answer.items.map((rule) => rule.createdBy));
      Object.assign(this, { answer, names, groups, creators });
    });
  }

  action(code) {
    return this.names?.get(code) || code;
  }

  async add(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const text = (name) => (form.get(name) || '').toString().trim();
    this.sending = true;
    try {
      const rule = await api.post('/api/metrics/process-rules', {
        name: text('name'), businessUnit: text('businessUnit') || null, firstAction: text('firstAction') || null,
        thenAction: text('thenAction') || null, withinDays: text('withinDays') === '' ? null : Number(text('withinDays')),
      });
      this.notice = `The rule “${rule.name}” is added.`;
      this.adding = false;
      this.problem = null;
      this.version += 1;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  async remove() {
    const rule = this.removing;
    this.sending = true;
    try {
      await api.delete(`/api/metrics/process-rules/${encodeURIComponent(rule.id)}`);
      this.notice = `The rule “${rule.name}” is removed.`;
      this.removing = null;
      this.problem = null;
      this.version += 1;
      if (this.answer.items.length === 1 && this.page > 0) {
        this.page -= 1;
      } else {
        await this.load();
      }
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  addDialog() {
    const error = (field) => fieldError(this.problem, field);
    const actions = [...(this.names || new Map())];
    return html`<up-dialog heading="Add a process rule" ?open=${Boolean(this.adding)} @close=${() => { this.adding = false; this.problem = null; }}
      .body=${this.adding ? html`<form novalidate data-testid="rule-form" @input=${keep(this.values)} @change=${keep(this.values)} @submit=${(event) => this.add(event)}>
        <up-field name="name" label="Name" required maxlength="200" .value=${this.values.name || ''}
          hint="Such as: review the customer before updating an opportunity" error=${error('name')}></up-field>
        <up-field name="firstAction" label="First this" type="select" required .choices=${actions} .value=${this.values.firstAction} error=${error('firstAction')}></up-field>
        <up-field name="thenAction" label="Then this, on the same record" type="select" required .choices=${actions} .value=${this.values.thenAction} error=${error('thenAction')}></up-field>
        <up-field name="withinDays" label="Within days" type="number" min="1" max="365" required .value=${this.values.withinDays ?? '7'} error=${error('withinDays')}></up-field>
        ${this.groups ? html`<up-field name="businessUnit" label="For" type="select" placeholder="The whole organisation"
            .choices=${this.groups.businessUnits.map((unit) => [unit, unit])} .value=${this.values.businessUnit} error=${error('businessUnit')}></up-field>`
          : html`<up-field name="businessUnit" label="Business unit" maxlength="100" .value=${this.values.businessUnit || ''} hint="Leave empty for the whole organisation"
            error=${error('businessUnit')}></up-field>`}
        ${formProblem(this.problem, FIELDS)}
        <div class="actions"><button type="submit" ?disabled=${this.sending}>Add the rule</button>
          <button type="button" class="secondary" @click=${() => { this.adding = false; this.problem = null; }}>Cancel</button></div>
      </form>` : ''}></up-dialog>`;
  }

  removeDialog() {
    const rule = this.removing;
    return html`<up-dialog heading="Remove this rule?" ?open=${Boolean(rule)} @close=${() => { this.removing = null; this.problem = null; }}
      .body=${rule ? html`<p>“${rule.name}” is no longer checked, and its violations leave the report.</p>
        ${formProblem(this.problem)}
        <div class="actions"><button type="button" class="danger" ?disabled=${this.sending} @click=${() => this.remove()}>Remove the rule</button>
          <button type="button" class="secondary" @click=${() => { this.removing = null; this.problem = null; }}>Cancel</button></div>` : ''}></up-dialog>`;
  }

  render() {
    const columns = [
      { label: 'Rule', cell: (row) => html`<strong>${row.name}</strong>` },
      { label: 'Order', cell: (row) => `${this.action(row.firstAction)}, then ${this.action(row.thenAction)} within ${count(row.withinDays, 'day', 'days')}` },
      { label: 'For', cell: (row) => row.businessUnit || 'The whole organisation' },
      { label: 'Added', cell: (row) => html`${date(row.createdAt)}${row.createdBy ? html`, <up-person user-id=${row.createdBy}
        name=${this.creators?.get(row.createdBy) || row.createdBy}></up-person>` : ''}` },
      { label: '', cell: (row) => html`<button type="button" class="secondary" aria-label=${`Remove ${row.name}`}
        @click=${() => { this.problem = null; this.removing = row; }}>Remove</button>` },
    ];
    return html`<section aria-labelledby="h-rules">
      <div class="admin-head"><h2 id="h-rules">Process rules</h2>
        <button type="button" @click=${() => { this.problem = null; this.values = {}; this.adding = true; }}>Add a rule</button></div>
      <p class="muted">Rules of order between two CRM actions on the same record.${this.answer ? ` ${count(this.answer.total, 'rule', 'rules')}.` : ''}</p>
      ${this.errorBanner()}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${this.error && !this.answer ? '' : html`<up-table data-testid="process-rules" caption="Process rules" .columns=${columns} .rows=${this.answer?.items}
        .total=${this.answer?.total} .page=${this.page} .size=${PAGE_SIZE} empty="No rule yet: add one to see where the order is broken."
        @page=${(event) => { this.page = event.detail; }}></up-table>`}
    </section>
    <process-violations .version=${this.version} .names=${this.names} .groups=${this.groups}></process-violations>
    ${this.addDialog()}${this.removeDialog()}`;
  }
}
customElements.define('process-rules-admin', ProcessRulesAdmin);

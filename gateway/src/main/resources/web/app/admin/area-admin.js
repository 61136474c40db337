import { html } from 'lit';
import { Page } from '../page.js';
import { count } from '../format.js';
import { api, query } from '../api.js';
import { forgetFeedbackLabels } from '../labels.js';
import { fieldError, formProblem, invalid, keep } from './admin-shared.js';

const PAGE_SIZE = 20;

/**
 * The feedback areas, the inactive ones included: added, renamed, deactivated (an area is never deleted: items keep
 * naming it, it takes no new ones) and activated again.
 */
class AreaAdmin extends Page {
  static properties = {
    page: { state: true }, answer: { state: true }, editing: { state: true }, problem: { state: true }, notice: { state: true },
    sending: { state: true },
  };

  static loadOn = ['page'];

  constructor() {
    super();
    this.page = 0;
  }

  async load() {
    await this.guard(async () => {
      this.answer = await api.get(`/api/feedback/areas${query({ inactive: 'true', page: this.page, size: PAGE_SIZE })}`);
    });
  }

  edit(area) {
    this.problem = null;
    this.values = { ...area };
    this.editing = area;
  }

  async save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const text = (name) => (form.get(name) || '').toString().trim();
    const adding = !this.editing.code;
    const body = { name: text('name'), description: text('description') || null };
    this.sending = true;
    try {
      let saved;
      if (adding) {
        if (!text('code')) {
          throw invalid('code', 'must not be blank');
        }
        saved = await api.post('/api/feedback/areas', { code: text('code'), ...body });
      } else {
        saved = await api.put(`/api/feedback/areas/${encodeURIComponent(this.editing.code)}`, body);
      }
      forgetFeedbackLabels();
      this.notice = `The area “${saved.name}” is ${adding ? 'added' : 'saved'}.`;
      this.editing = null;
      this.problem = null;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  async toggle(area) {
    await this.guard(async () => {
      await api.post(`/api/feedback/areas/${encodeURIComponent(area.code)}/${area.active ? 'deactivate' : 'activate'}`);
      forgetFeedbackLabels();
      this.notice = area.active ? `“${area.name}” is deactivated: it takes no new feedback; its items keep it.` : `“${area.name}” is active again.`;
      this.answer = await api.get(`/api/feedback/areas${query({ inactive: 'true', page: this.page, size: PAGE_SIZE })}`);
    });
  }

  dialog() {
    const area = this.editing;
    const error = (field) => fieldError(this.problem, field);
    return html`<up-dialog heading=${area?.code ? `Rename “${area.name}”` : 'Add a feedback area'} ?open=${Boolean(area)}
      @close=${() => { this.editing = null; this.problem = null; }}
      .body=${area ? html`<form novalidate @input=${keep(this.values)} @submit=${(event) => this.save(event)}>
        ${area.code ? html`<p class="muted">Code: ${area.code} (it does not change)</p>`
          : html`<up-field name="code" label="Code" required maxlength="64" hint="Such as field-sales.visits: lower-case words separated by dots"
            .value=${this.values.code || ''} error=${error('code')}></up-field>`}
        <up-field name="name" label="Name" required maxlength="200" .value=${this.values.name || ''} error=${error('name')}></up-field>
        <up-field name="description" label="Description" type="textarea" maxlength="1000" .value=${this.values.description || ''} error=${error('description')}></up-field>
        ${formProblem(this.problem, ['code', 'name', 'description'])}
        <div class="actions"><button type="submit" ?disabled=${this.sending}>${area.code ? 'Save' : 'Add'}</button>
          <button type="button" class="secondary" @click=${() => { this.editing = null; this.problem = null; }}>Cancel</button></div>
      </form>` : ''}></up-dialog>`;
  }

  render() {
    const columns = [
      { label: 'Name', cell: (row) => html`<strong>${row.name}</strong>` },
      { label: 'Code', cell: (row) => html`<code>${row.code}</code>` },
      { label: 'Description', cell: (row) => row.description || '–' },
      { label: 'Status', cell: (row) => html`<up-badge value=${row.active ? 'VALID' : 'INACTIVE'} label=${row.active ? 'Active' : 'Inactive'}></up-badge>` },
      { label: '', cell: (row) => html`<div class="actions">
        <button type="button" class="secondary" aria-label=${`Rename ${row.name}`} @click=${() => this.edit(row)}>Rename</button>
        <button type="button" class="secondary" aria-label=${`${row.active ? 'Deactivate' : 'Activate'} ${row.name}`}
          @click=${() => this.toggle(row)}>${row.active ? 'Deactivate' : 'Activate'}</button></div>` },
    ];
    return html`<section aria-labelledby="h-areas">
      <div class="admin-head"><h2 id="h-areas">Feedback areas</h2>
        <button type="button" @click=${() => this.edit({})}>Add an area</button></div>
      <p class="muted">What people file feedback under.${this.answer ? ` ${count(this.answer.total, 'area', 'areas')}, inactive ones included.` : ''}</p>
      ${this.errorBanner()}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${this.error && !this.answer ? '' : html`<up-table data-testid="areas" caption="Feedback areas" .columns=${columns} .rows=${this.answer?.items}
        .total=${this.answer?.total} .page=${this.page} .size=${PAGE_SIZE} empty="No area yet."
        @page=${(event) => { this.page = event.detail; }}></up-table>`}
    </section>${this.dialog()}`;
  }
}
customElements.define('area-admin', AreaAdmin);

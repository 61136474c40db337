import { html } from 'lit';
import { Page } from '../page.js';
import { count } from '../format.js';
import { api, query } from '../api.js';
import { forgetActionNames } from '../labels.js';
import { fieldError, formProblem, invalid, keep } from './admin-shared.js';

const PAGE_SIZE = 20;

/** The action catalogue: the CRM actions objectives and rules are written in, by name; added or renamed in a dialog. */
class ActionCatalogueAdmin extends Page {
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
      this.answer = await api.get(`/api/metrics/actions${query({ page: this.page, size: PAGE_SIZE })}`);
    });
  }

  edit(action) {
    this.problem = null;
    this.values = { ...action };
    this.editing = action;
  }

  async save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const text = (name) => (form.get(name) || '').toString().trim();
    const code = this.editing.code || text('code');
    if (!code) {
      this.problem = invalid('code', 'must not be blank');
      return;
    }
    this.sending = true;
    try {
      const saved = await api.put(`/api/metrics/actions/${encodeURIComponent(code)}`, { name: text('name'), description: text('description') || null });
      forgetActionNames();
      this.notice = `“${saved.name}” is ${this.editing.code ? 'saved' : 'added to the catalogue'}.`;
      this.editing = null;
      this.problem = null;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  dialog() {
    const action = this.editing;
    const error = (field) => fieldError(this.problem, field);
    return html`<up-dialog heading=${action?.code ? `Rename “${action.name}”` : 'Add an action'} ?open=${Boolean(action)}
      @close=${() => { this.editing = null; this.problem = null; }}
      .body=${action ? html`<form novalidate @input=${keep(this.values)} @submit=${(event) => this.save(event)}>
        ${action.code ? html`<p class="muted">Code: ${action.code} (what the CRM sends; it does not change)</p>`
          : html`<up-field name="code" label="Code" required maxlength="64" hint="What the CRM sends, such as quote.sent: lower-case words separated by dots"
            .value=${this.values.code || ''} error=${error('code')}></up-field>`}
        <up-field name="name" label="Name" required maxlength="200" .value=${this.values.name || ''} error=${error('name')}></up-field>
        <up-field name="description" label="Description" type="textarea" maxlength="1000" .value=${this.values.description || ''} error=${error('description')}></up-field>
        ${formProblem(this.problem, ['code', 'name', 'description'])}
        <div class="actions"><button type="submit" ?disabled=${this.sending}>${action.code ? 'Save' : 'Add'}</button>
          <button type="button" class="secondary" @click=${() => { this.editing = null; this.problem = null; }}>Cancel</button></div>
      </form>` : ''}></up-dialog>`;
  }

  render() {
    const columns = [
      { label: 'Name', cell: (row) => html`<strong>${row.name}</strong>` },
      { label: 'Code', cell: (row) => html`<code>${row.code}</code>` },
      { label: 'Description', cell: (row) => row.description || '–' },
      { label: '', cell: (row) => html`<button type="button" class="secondary" aria-label=${`Rename ${row.name}`}
        @click=${() => this.edit(row)}>Rename</button>` },
    ];
    return html`<section aria-labelledby="h-actions">
      <div class="admin-head"><h2 id="h-actions">Action catalogue</h2>
        <button type="button" @click=${() => this.edit({})}>Add an action</button></div>
      <p class="muted">The CRM actions that objectives and process rules are written in.${this.answer ? ` ${count(this.answer.total, 'action', 'actions')}.` : ''}</p>
      ${this.errorBanner()}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${this.error && !this.answer ? '' : html`<up-table data-testid="actions" caption="The action catalogue" .columns=${columns} .rows=${this.answer?.items}
        .total=${this.answer?.total} .page=${this.page} .size=${PAGE_SIZE} empty="The catalogue is empty."
        @page=${(event) => { this.page = event.detail; }}></up-table>`}
    </section>${this.dialog()}`;
  }
}
customElements.define('action-catalogue-admin', ActionCatalogueAdmin);

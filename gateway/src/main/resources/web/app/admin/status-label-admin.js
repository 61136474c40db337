import { html } from 'lit';
import { Page } from '../page.js';
import { words } from '../format.js';
import { api } from '../api.js';
import { forgetFeedbackLabels } from '../labels.js';
import { fieldError, formProblem, keep } from './admin-shared.js';

/**
 * The feedback statuses in workflow order with the organisation's own label for each: renamed in a dialog, or
 * reset to show the status's own name. The codes and the moves between them are fixed.
 */
class StatusLabelAdmin extends Page {
  static properties = { statuses: { state: true }, editing: { state: true }, problem: { state: true }, notice: { state: true }, sending: { state: true } };

  async load() {
    await this.guard(async () => {
      this.statuses = await api.get('/api/feedback/statuses');
    });
  }

  renamed(status) {
    return status.label && status.label !== status.code;
  }

  async save(event) {
    event.preventDefault();
    const label = (new FormData(event.target).get('label') || '').toString().trim();
    this.sending = true;
    try {
      const saved = await api.put(`/api/feedback/statuses/${encodeURIComponent(this.editing.code)}`, { label });
      forgetFeedbackLabels();
      this.notice = `${words(saved.code)} now reads “${saved.label}” everywhere.`;
      this.editing = null;
      this.problem = null;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  async reset(status) {
    await this.guard(async () => {
      await api.delete(`/api/feedback/statuses/${encodeURIComponent(status.code)}/label`);
      forgetFeedbackLabels();
      this.notice = `${words(status.code)} shows its own name again.`;
      this.statuses = await api.get('/api/feedback/statuses');
    });
  }

  dialog() {
    const status = this.editing;
    return html`<up-dialog heading=${`Rename the status ${words(status?.code)}`} ?open=${Boolean(status)}
      @close=${() => { this.editing = null; this.problem = null; }}
      .body=${status ? html`<form novalidate @input=${keep(this.values)} @submit=${(event) => this.save(event)}>
        <up-field name="label" label="What people read" required maxlength="60" .value=${this.values.label}
          hint="1 to 60 characters, not the label of another status" error=${fieldError(this.problem, 'label')}></up-field>
        ${formProblem(this.problem, ['label'])}
        <div class="actions"><button type="submit" ?disabled=${this.sending}>Save</button>
          <button type="button" class="secondary" @click=${() => { this.editing = null; this.problem = null; }}>Cancel</button></div>
      </form>` : ''}></up-dialog>`;
  }

  render() {
    const columns = [
      { label: 'Status', cell: (row) => words(row.code) },
      { label: 'People read', cell: (row) => html`<up-badge value=${row.code} label=${this.renamed(row) ? row.label : words(row.code)}></up-badge>
        ${this.renamed(row) ? '' : html`<span class="muted">(its own name)</span>`}` },
      { label: 'Open', cell: (row) => (row.open ? 'Open' : 'Closed') },
      { label: '', cell: (row) => html`<div class="actions">
        <button type="button" class="secondary" aria-label=${`Rename ${words(row.code)}`} @click=${() => { this.problem = null; this.values = { label: this.renamed(row) ? row.label : '' }; this.editing = row; }}>Rename</button>
        ${this.renamed(row) ? html`<button type="button" class="secondary" aria-label=${`Reset the label of ${words(row.code)}`}
          @click=${() => this.reset(row)}>Reset</button>` : ''}</div>` },
    ];
    return html`<section aria-labelledby="h-statuses">
      <h2 id="h-statuses">Status labels</h2>
      <p class="muted">The eight feedback statuses in workflow order, with the words your organisation uses for them.</p>
      ${this.errorBanner()}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${this.error && !this.statuses ? '' : html`<up-table data-testid="status-labels" caption="Status labels" .columns=${columns} .rows=${this.statuses}
        empty="No status."></up-table>`}
    </section>${this.dialog()}`;
  }
}
customElements.define('status-label-admin', StatusLabelAdmin);

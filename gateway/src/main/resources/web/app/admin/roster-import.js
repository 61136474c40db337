import { html } from 'lit';
import { Page } from '../page.js';
import { count, number } from '../format.js';
import { api } from '../api.js';
import { formProblem } from './admin-shared.js';

const IMPORT = '/api/metrics/people/import';
const MAX_BYTES = 10 * 1024 * 1024;
const COLUMNS = 'userId, displayName, email, businessUnit, jobRole, managerId, executive, active';

/**
 * A roster import in two steps: the CSV (a file or pasted text) is first sent as a dry run, which answers how many
 * people would be created, updated or left unchanged and each rejected line with its reasons, and writes
 * nothing; "Confirm import" then sends the same text for real. Fires `imported` (detail: what was done).
 */
class RosterImport extends Page {
  static properties = { preview: { state: true }, problem: { state: true }, sending: { state: true }, result: { state: true } };

  /** The text the preview was made of: the one the confirmation sends. */
  previewed = '';

  async csv(form) {
    const file = form.get('file');
    if (file && file.size > 0) {
      if (file.size > MAX_BYTES) {
        throw new Error('The file is larger than 10 MB: split it in parts.');
      }
      return file.text();
    }
    return (form.get('text') || '').toString();
  }

  async previewImport(event) {
    event.preventDefault();
    this.sending = true;
    this.result = null;
    try {
      const text = await this.csv(new FormData(event.target));
      if (!text.trim()) {
        throw new Error('Choose a CSV file or paste its text first.');
      }
      this.preview = await api.postText(`${IMPORT}?dryRun=true`, text, 'text/csv');
      this.previewed = text;
      this.problem = null;
    } catch (failure) {
      this.preview = null;
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  async confirm() {
    this.sending = true;
    try {
      const done = await api.postText(IMPORT, this.previewed, 'text/csv');
      this.result = done;
      this.preview = null;
      this.problem = null;
      this.querySelector('form')?.reset();
      this.dispatchEvent(new CustomEvent('imported', { detail: `Imported: ${number(done.created)} created, ${number(done.updated)} updated, `
        + `${number(done.unchanged)} unchanged, ${count(done.rejected.length, 'line', 'lines')} rejected.` }));
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  summary(report, heading, testId) {
    const writes = report.created + report.updated;
    return html`<div class="import-report" data-testid=${testId} role="region" aria-label=${heading}>
      <h4>${heading}</h4>
      <dl class="figures">
        <div><dt>${testId === 'import-preview' ? 'Would be created' : 'Created'}</dt><dd>${number(report.created)}</dd></div>
        <div><dt>${testId === 'import-preview' ? 'Would be updated' : 'Updated'}</dt><dd>${number(report.updated)}</dd></div>
        <div><dt>Unchanged</dt><dd>${number(report.unchanged)}</dd></div>
        <div><dt>Rejected lines</dt><dd>${number(report.rejected.length)}</dd></div>
      </dl>
      ${report.rejected.length ? html`<up-table caption="Rejected lines" .columns=${[
        { label: 'Line', numeric: true, cell: (row) => number(row.row) },
        { label: 'User id', cell: (row) => row.userId || '–' },
        { label: 'Why', cell: (row) => html`<ul class="plain">${row.errors.map((reason) => html`<li>${reason}</li>`)}</ul>` },
      ]} .rows=${report.rejected}></up-table>
      <p class="muted">Lines are counted from the first line after the header. A rejected line is left out; the others ${testId === 'import-preview' ? 'can be' : 'were'} imported.</p>` : ''}
      ${testId === 'import-preview' ? html`<div class="actions">
        ${writes ? html`<button type="button" ?disabled=${this.sending} @click=${() => this.confirm()}>Confirm import</button>
          <span>${count(writes, 'person', 'people')} will be created or updated.</span>`
          : html`<p>Nothing would change: no line adds or changes anyone.</p>`}
        <button type="button" class="secondary" @click=${() => { this.preview = null; }}>Discard</button></div>` : ''}
    </div>`;
  }

  render() {
    return html`<section aria-labelledby="h-import">
      <h3 id="h-import">Import a CSV</h3>
      <p class="muted">A header row naming any of the columns ${COLUMNS}; a person is matched by userId. You see what the file would do before anything is written.</p>
      <form novalidate @submit=${(event) => this.previewImport(event)} @input=${() => { this.preview = null; }}>
        <div class="field"><label for="roster-file">CSV file</label>
          <input id="roster-file" name="file" type="file" accept=".csv,text/csv"></div>
        <up-field name="text" label="Or paste the CSV" type="textarea" maxlength="1000000"
></up-field>
        ${this.problem ? formProblem(this.problem) : ''}
        <button type="submit" ?disabled=${this.sending}>Preview</button>
      </form>
      ${this.preview ? this.summary(this.preview, 'Preview: nothing is written yet', 'import-preview') : ''}
      ${this.result ? this.summary(this.result, 'Imported', 'import-result') : ''}
    </section>`;
  }
}
customElements.define('roster-import', RosterImport);

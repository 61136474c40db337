import { html } from 'lit';
import { Page } from './page.js';
import { number } from './format.js';
import { api, query } from './api.js';
import { feedbackLabels } from './labels.js';

const OPEN = ['SUBMITTED', 'ACKNOWLEDGED', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS'];
const COLUMN_SIZE = 10;
/** The moves the workflow allows this item (they depend on its kind), in the order the board offers them. */
function moves(item, statuses) {
  const status = statuses.find((candidate) => candidate.code === item.status);
  const next = status?.nextByKind?.[item.kind] || status?.next || [];
  return next.filter((to) => to !== 'DUPLICATE');
}

/**
 * The CRM team's triage board: a column per open status, each paged with its real count; moving an item sends
 * the version it was read at, so a move someone else made meanwhile is detected, not overwritten.
 */
class TriageBoard extends Page {
  static properties = {
    columns: { state: true }, pages: { state: true }, overdue: { state: true }, notice: { state: true }, labels: { state: true },
    duplicate: { state: true }, candidates: { state: true },
  };

  constructor() {
    super();
    this.pages = Object.fromEntries(OPEN.map((status) => [status, 0]));
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Triage · Uptake';
  }

  async load() {
    await this.guard(async () => {
      const [labels, overdue, ...lists] = await Promise.all([
        feedbackLabels(), api.get('/api/feedback/overdue?size=200'),
        ...OPEN.map((status) => api.get(`/api/feedback/items${query({ status, sort: 'newest', size: COLUMN_SIZE, page: this.pages[status] })}`))]);
      this.labels = labels;
      this.overdue = new Set(overdue.items.map((item) => item.id));
      this.columns = Object.fromEntries(OPEN.map((status, index) => [status, lists[index]]));
    });
  }

  async move(item, to, form, duplicateOf) {
    const note = form ? new FormData(form).get('note') : null;
    const label = this.labels.status(to);
    try {
      await api.post(`/api/feedback/items/${item.id}/transitions`, { to, note: note || null, version: item.version, duplicateOf });
      this.notice = { kind: 'ok', text: `“${item.title}” moved to ${label}.` };
    } catch (failure) {
      this.notice = { kind: 'error', text: failure.status === 409
        ? `“${item.title}” was changed by someone else since you opened the board (or cannot move to ${label}): ${failure.message}. The board now shows its current state${note ? `; your note was: “${note}”` : ''}.`
        : failure.fieldError('note') || failure.fieldError('duplicateOf') || failure.message };
    }
    await this.load();
  }

  async findOriginals(text) {
    const found = await api.get(`/api/feedback/items${query({ q: text, size: 10 })}`).catch(() => ({ items: [] }));
    this.candidates = found.items.filter((item) => item.id !== this.duplicate.id && item.status !== 'DUPLICATE');
  }

  duplicateDialog() {
    const item = this.duplicate;
    return html`<up-dialog heading="Close as a duplicate" ?open=${Boolean(item)} @close=${() => { this.duplicate = null; this.candidates = null; }}
      .body=${item ? html`
        <p>“${item.title}” is the same as an item already on the board: its votes and followers move to the original.</p>
        <form class="filters" role="search" @submit=${(event) => { event.preventDefault(); this.findOriginals(new FormData(event.target).get('q')); }}>
          <label>Find the original <input name="q" type="search" .value=${item.title}></label><button type="submit">Search</button>
        </form>
        ${this.candidates === undefined || this.candidates === null ? '' : this.candidates.length === 0
          ? html`<up-empty message="No other item matches."></up-empty>`
          : html`<ul class="list">${this.candidates.map((candidate) => html`<li>${candidate.title}
            <up-badge value=${candidate.status} label=${this.labels.status(candidate.status)}></up-badge>
            <button type="button" @click=${() => { const original = candidate.id; this.duplicate = null; this.candidates = null; this.move(item, 'DUPLICATE', null, original); }}>
              Duplicate of this</button></li>`)}</ul>`}` : ''}></up-dialog>`;
  }

  card(item) {
    const overdue = this.overdue?.has(item.id);
    const statuses = this.labels.statuses;
    return html`
      <article class=${`card ${overdue ? 'overdue' : ''}`} data-testid="triage-card">
        <h3><a href=${`/web/feedback/${item.id}`}>${item.title}</a></h3>
        <p><up-badge value=${item.kind}></up-badge> ${overdue ? html`<up-badge value="OVERDUE"></up-badge>` : ''}
          <small>${number(item.votes)} ${item.votes === 1 ? 'vote' : 'votes'}</small></p>
        <form @submit=${(event) => event.preventDefault()}>
          <div class="field"><label for=${`note-${item.id}`}>Note${item.kind === 'QUESTION' ? ' (the answer, when answering)' : ''}</label>
            <input id=${`note-${item.id}`} name="note" maxlength="2000"></div>
          <div class="actions">
            ${moves(item, statuses).map((to) => html`<button type="button" class=${to === 'DECLINED' ? 'secondary' : ''}
              @click=${(event) => this.move(item, to, event.target.form)}>${to === 'DECLINED' ? 'Decline' : to === 'ANSWERED' ? 'Answer' : `Move to ${this.labels.status(to)}`}</button>`)}
            <button type="button" class="secondary" @click=${() => { this.duplicate = item; this.candidates = null; }}>Duplicate…</button>
          </div>
        </form>
      </article>`;
  }

  render() {
    return html`
      <h1>Triage</h1>
      ${this.errorBanner()}
      ${this.notice ? html`<p class=${this.notice.kind === 'ok' ? 'ok' : 'error'} role="status">${this.notice.text}</p>` : ''}
      ${this.columns === undefined ? html`<up-loading label="Loading the board…"></up-loading>` : html`
      <div class="board">${OPEN.map((status) => {
        const column = this.columns[status];
        return html`
        <section class="column" aria-labelledby=${`col-${status}`}>
          <h2 id=${`col-${status}`}>${this.labels.status(status)} (${number(column.total)})</h2>
          ${column.items.length === 0 ? html`<up-empty message="Nothing here."></up-empty>` : column.items.map((item) => this.card(item))}
          <up-pager .total=${column.total} .page=${this.pages[status]} .size=${COLUMN_SIZE} label=${`${this.labels.status(status)} pages`}
            @page=${(event) => { this.pages = { ...this.pages, [status]: event.detail }; this.load(); }}></up-pager>
        </section>`;
      })}</div>`}
      ${this.duplicateDialog()}`;
  }
}
customElements.define('triage-board', TriageBoard);

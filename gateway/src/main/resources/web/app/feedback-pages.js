import { html } from 'lit';
import { Page, navigate, dateTime, date, words } from './page.js';
import { api, query } from './api.js';
import { isAdmin, me } from './session.js';

const STATUSES = ['SUBMITTED', 'ACKNOWLEDGED', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'DECLINED', 'DUPLICATE'];
const KINDS = ['IDEA', 'PROBLEM', 'QUESTION', 'PRAISE'];
const PAGE_SIZE = 20;

/** The feedback board: search, filter, sort and page through everyone's feedback. */
class FeedbackBoard extends Page {
  static properties = { items: { state: true }, total: { state: true }, filter: { state: true } };

  constructor() {
    super();
    const search = new URLSearchParams(window.location.search);
    this.filter = { q: search.get('q') || '', status: search.get('status') || '', kind: search.get('kind') || '',
      sort: search.get('sort') || '', page: Number(search.get('page') || 0) };
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Feedback · Uptake';
    this.load();
  }

  async load() {
    await this.guard(async () => {
      const found = await api.get(`/api/feedback/items${query({ ...this.filter, size: PAGE_SIZE })}`);
      this.items = found.items;
      this.total = found.total;
    });
  }

  change(part) {
    this.filter = { ...this.filter, page: 0, ...part };
    window.history.replaceState({}, '', `/web/feedback${query(this.filter.page ? this.filter : { ...this.filter, page: '' })}`);
    this.load();
  }

  render() {
    const pages = Math.max(1, Math.ceil((this.total || 0) / PAGE_SIZE));
    return html`
      <h1>Feedback</h1>
      <p><a class="button" href="/web/feedback/new">Send feedback</a></p>
      <form class="filters" role="search" @submit=${(event) => { event.preventDefault(); this.change({ q: new FormData(event.target).get('q') }); }}>
        <label>Search <input name="q" type="search" .value=${this.filter.q}></label>
        <button type="submit">Search</button>
        <label>Status <select @change=${(event) => this.change({ status: event.target.value })}>
          <option value="">Any</option>${STATUSES.map((status) => html`<option value=${status} ?selected=${this.filter.status === status}>${words(status)}</option>`)}
        </select></label>
        <label>Kind <select @change=${(event) => this.change({ kind: event.target.value })}>
          <option value="">Any</option>${KINDS.map((kind) => html`<option value=${kind} ?selected=${this.filter.kind === kind}>${words(kind)}</option>`)}
        </select></label>
        <label>Sort <select @change=${(event) => this.change({ sort: event.target.value })}>
          <option value="">Relevance, else newest</option>
          <option value="newest" ?selected=${this.filter.sort === 'newest'}>Newest</option>
          <option value="votes" ?selected=${this.filter.sort === 'votes'}>Most votes</option>
        </select></label>
      </form>
      ${this.errorBanner()}
      <p aria-live="polite">${this.total ?? '…'} items</p>
      <ul class="list items">${(this.items || []).map((item) => html`
        <li data-testid="item"><a href=${`/web/feedback/${item.id}`}>${item.title}</a>
          <span class="badge">${words(item.status)}</span> <span class="badge">${words(item.kind)}</span>
          <small>${item.votes} votes · ${item.submittedBy} · ${date(item.createdAt)}</small>
          <p>${item.excerpt}</p></li>`)}</ul>
      <nav aria-label="Pages" class="pager">
        <button ?disabled=${this.filter.page === 0} @click=${() => { this.filter = { ...this.filter, page: this.filter.page - 1 }; this.load(); }}>Previous</button>
        <span>Page ${this.filter.page + 1} of ${pages}</span>
        <button ?disabled=${this.filter.page + 1 >= pages} @click=${() => { this.filter = { ...this.filter, page: this.filter.page + 1 }; this.load(); }}>Next</button>
      </nav>`;
  }
}
customElements.define('feedback-board', FeedbackBoard);

/** The submit form: the server validates, and its problem details are shown beside each field. */
class FeedbackForm extends Page {
  static properties = { areas: { state: true }, problem: { state: true }, sending: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Send feedback · Uptake';
    this.guard(async () => {
      const areas = await api.get('/api/feedback/areas');
      this.areas = areas.items;
    });
  }

  async send(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.sending = true;
    try {
      const item = await api.post('/api/feedback/items', {
        kind: form.get('kind') || null, title: form.get('title'), description: form.get('description'), area: form.get('area') || null,
      });
      navigate(`/web/feedback/${item.id}`);
    } catch (failure) {
      this.problem = failure;
      await this.updateComplete;
      this.querySelector('[aria-invalid="true"]')?.focus();
    } finally {
      this.sending = false;
    }
  }

  field(name, label, control) {
    const message = this.problem?.fieldError?.(name);
    return html`
      <div class="field">
        <label for=${`f-${name}`}>${label}</label>
        ${control(message ? 'true' : 'false', message ? `e-${name}` : '')}
        ${message ? html`<p class="field-error" id=${`e-${name}`}>${message}</p>` : ''}
      </div>`;
  }

  render() {
    return html`
      <h1>Send feedback</h1>
      ${this.problem && !(this.problem.problem?.errors || []).length ? html`<p class="error" role="alert">${this.problem.message}</p>` : ''}
      ${this.problem && (this.problem.problem?.errors || []).length ? html`<p class="error" role="alert">Please correct the fields below.</p>` : ''}
      ${this.errorBanner()}
      <form novalidate @submit=${(event) => this.send(event)}>
        ${this.field('kind', 'Kind', (invalid, described) => html`<select id="f-kind" name="kind" aria-invalid=${invalid} aria-describedby=${described}>
          <option value="">Choose…</option>${KINDS.map((kind) => html`<option value=${kind}>${words(kind)}</option>`)}</select>`)}
        ${this.field('title', 'Title', (invalid, described) => html`<input id="f-title" name="title" maxlength="400" aria-invalid=${invalid} aria-describedby=${described}>`)}
        ${this.field('description', 'Description', (invalid, described) => html`<textarea id="f-description" name="description" rows="6" aria-invalid=${invalid} aria-describedby=${described}></textarea>`)}
        ${this.field('area', 'Area', (invalid, described) => html`<select id="f-area" name="area" aria-invalid=${invalid} aria-describedby=${described}>
          <option value="">Choose…</option>${(this.areas || []).map((area) => html`<option value=${area.code}>${area.name}</option>`)}</select>`)}
        <button type="submit" ?disabled=${this.sending}>Send</button>
      </form>`;
  }
}
customElements.define('feedback-form', FeedbackForm);

/** One item: its status timeline, votes, following and comments (the CRM team's marked official). */
class FeedbackItem extends Page {
  static properties = { itemId: { attribute: 'item-id' }, item: { state: true }, history: { state: true }, comments: { state: true },
    commentProblem: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    await this.guard(async () => {
      const [item, history, comments] = await Promise.all([
        api.get(`/api/feedback/items/${this.itemId}`), api.get(`/api/feedback/items/${this.itemId}/history`),
        api.get(`/api/feedback/items/${this.itemId}/comments?size=200`)]);
      Object.assign(this, { item, history, comments: comments.items });
      document.title = `${item.title} · Feedback · Uptake`;
    });
  }

  async act(method, path) {
    await this.guard(async () => {
      await api[method](`/api/feedback/items/${this.itemId}/${path}`);
      await this.load();
    });
  }

  async comment(event) {
    event.preventDefault();
    const form = event.target;
    try {
      await api.post(`/api/feedback/items/${this.itemId}/comments`, { body: new FormData(form).get('body') });
      form.reset();
      this.commentProblem = null;
      await this.load();
    } catch (failure) {
      this.commentProblem = failure;
    }
  }

  render() {
    if (!this.item) {
      return html`${this.errorBanner()}<p>Loading…</p>`;
    }
    const item = this.item;
    const bodyError = this.commentProblem?.fieldError('body') || this.commentProblem?.message;
    return html`
      <h1>${item.title}</h1>
      ${this.errorBanner()}
      <p><span class="badge" data-testid="status">${words(item.status)}</span> <span class="badge">${words(item.kind)}</span>
        ${item.area} · sent by ${item.submittedBy} (${item.businessUnit}) on ${date(item.createdAt)}</p>
      ${item.duplicateOf ? html`<p>A duplicate of <a href=${`/web/feedback/${item.duplicateOf}`}>item ${item.duplicateOf}</a>.</p>` : ''}
      <p class="description">${item.description}</p>
      <p>${item.votes} votes
        <button @click=${() => this.act('put', 'vote')}>Vote</button>
        <button @click=${() => this.act('delete', 'vote')}>Remove my vote</button>
        <button @click=${() => this.act('put', 'follow')}>Follow</button>
        <button @click=${() => this.act('delete', 'follow')}>Unfollow</button></p>
      <h2>Timeline</h2>
      <ol class="timeline">${(this.history || []).map((entry) => html`
        <li><strong>${words(entry.to)}</strong> · ${dateTime(entry.at)} · ${entry.actor}${entry.note ? html`: “${entry.note}”` : ''}</li>`)}</ol>
      <h2>Comments</h2>
      <ul class="list">${(this.comments || []).map((comment) => html`
        <li class=${comment.official ? 'official' : ''}>${comment.official ? html`<span class="badge official">CRM team</span> ` : ''}
          <strong>${comment.author}</strong> · ${dateTime(comment.createdAt)}<p>${comment.body}</p></li>`)}</ul>
      <form novalidate @submit=${(event) => this.comment(event)}>
        <label for="c-body">Add a comment</label>
        <textarea id="c-body" name="body" rows="3" aria-invalid=${bodyError ? 'true' : 'false'} aria-describedby=${bodyError ? 'e-body' : ''}></textarea>
        ${bodyError ? html`<p class="field-error" id="e-body">${bodyError}</p>` : ''}
        <button type="submit">Comment</button>
      </form>
      ${isAdmin() ? html`<p><a href="/web/triage">Triage board</a></p>` : ''}`;
  }
}
customElements.define('feedback-item', FeedbackItem);

const NEXT = { SUBMITTED: 'ACKNOWLEDGED', ACKNOWLEDGED: 'UNDER_REVIEW', UNDER_REVIEW: 'PLANNED', PLANNED: 'IN_PROGRESS', IN_PROGRESS: 'IMPLEMENTED' };
const OPEN = ['SUBMITTED', 'ACKNOWLEDGED', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS'];

/** The CRM team's triage board: a column per open status; moving an item needs a note and the version it was read at. */
class TriageBoard extends Page {
  static properties = { columns: { state: true }, overdue: { state: true }, notice: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Triage · Uptake';
    this.load();
  }

  async load() {
    await this.guard(async () => {
      const lists = await Promise.all(OPEN.map((status) => api.get(`/api/feedback/items${query({ status, sort: 'newest', size: 50 })}`)));
      const overdue = await api.get('/api/feedback/overdue?size=200');
      this.overdue = new Set(overdue.items.map((item) => item.id));
      // each item at the version it was read, so that a move someone else made meanwhile is detected
      this.columns = Object.fromEntries(OPEN.map((status, index) => [status, lists[index].items]));
    });
  }

  async move(item, to, form) {
    const note = new FormData(form).get('note');
    try {
      await api.post(`/api/feedback/items/${item.id}/transitions`, { to, note: note || null, version: item.version });
      this.notice = { kind: 'ok', text: `“${item.title}” moved to ${words(to)}.` };
    } catch (failure) {
      this.notice = { kind: 'error', text: failure.status === 409
        ? `“${item.title}” was changed by someone else since you opened the board (or cannot move to ${words(to)}). The board now shows its current state; your note was: “${note}”.`
        : failure.fieldError('note') || failure.message };
    }
    await this.load();
  }

  render() {
    return html`
      <h1>Triage</h1>
      ${this.errorBanner()}
      ${this.notice ? html`<p class=${this.notice.kind === 'ok' ? 'ok' : 'error'} role="status">${this.notice.text}</p>` : ''}
      <div class="board">${OPEN.map((status) => html`
        <section class="column" aria-labelledby=${`col-${status}`}>
          <h2 id=${`col-${status}`}>${words(status)} (${(this.columns?.[status] || []).length})</h2>
          ${(this.columns?.[status] || []).map((item) => html`
            <article class=${`card ${this.overdue?.has(item.id) ? 'overdue' : ''}`} data-testid="triage-card">
              <h3><a href=${`/web/feedback/${item.id}`}>${item.title}</a></h3>
              ${this.overdue?.has(item.id) ? html`<p class="badge overdue">Overdue</p>` : ''}
              <form @submit=${(event) => event.preventDefault()}>
                <label>Note <input name="note" maxlength="2000"></label>
                <button type="button" @click=${(event) => this.move(item, NEXT[status], event.target.form)}>Move to ${words(NEXT[status])}</button>
                <button type="button" @click=${(event) => this.move(item, 'DECLINED', event.target.form)}>Decline</button>
              </form>
            </article>`)}
        </section>`)}</div>
      <h2>Webhooks</h2>
      <webhook-list></webhook-list>`;
  }
}
customElements.define('triage-board', TriageBoard);

/** The webhooks registered for celebrations, and their recent deliveries. */
class WebhookList extends Page {
  static properties = { hooks: { state: true }, deliveries: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.guard(async () => {
      const hooks = await api.get('/api/feedback/webhooks');
      this.hooks = hooks.items;
      const deliveries = await Promise.all(this.hooks.map((hook) => api.get(`/api/feedback/webhooks/${hook.id}/deliveries?size=5`)));
      this.deliveries = Object.fromEntries(this.hooks.map((hook, index) => [hook.id, deliveries[index].items]));
    });
  }

  render() {
    return html`${this.errorBanner()}${(this.hooks || []).length === 0 ? html`<p>No webhook is registered.</p>` : html`
      <ul class="list">${this.hooks.map((hook) => html`<li><strong>${hook.url}</strong> · ${(hook.events || []).join(', ')}
        <ul>${(this.deliveries?.[hook.id] || []).map((delivery) => html`<li>${delivery.succeeded ? 'Delivered' : 'Failed'}
          ${delivery.statusCode ? `(HTTP ${delivery.statusCode})` : delivery.error || ''} · attempt ${delivery.attempt}
          · ${dateTime(delivery.attemptedAt)}</li>`)}</ul></li>`)}</ul>`}`;
  }
}
customElements.define('webhook-list', WebhookList);

export { me };

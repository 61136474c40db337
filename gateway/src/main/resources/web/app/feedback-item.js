import { html } from 'lit';
import { Page } from './page.js';
import { date, dateTime, number } from './format.js';
import { api } from './api.js';
import { isAdmin } from './session.js';
import { feedbackLabels } from './labels.js';
import { sender } from './feedback-board.js';

/** One item: its status timeline, votes, following and comments (the CRM team's marked official). */
class FeedbackItem extends Page {
  static properties = {
    itemId: { attribute: 'item-id' }, item: { state: true }, history: { state: true }, comments: { state: true },
    original: { state: true }, commentProblem: { state: true }, labels: { state: true },
  };

  static loadOn = ['itemId'];

  async load() {
    // another item on the same route: nothing of the previous one stays on screen
    Object.assign(this, { item: undefined, history: undefined, comments: undefined, original: undefined });
    await this.guard(async () => {
      const [item, history, comments, labels] = await Promise.all([
        api.get(`/api/feedback/items/${this.itemId}`), api.get(`/api/feedback/items/${this.itemId}/history`),
        api.get(`/api/feedback/items/${this.itemId}/comments?size=200`), feedbackLabels()]);
      const original = item.duplicateOf ? await api.get(`/api/feedback/items/${item.duplicateOf}`).catch(() => null) : null;
      Object.assign(this, { item, history, comments: comments.items, labels, original });
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

  author(comment) {
    if (comment.anonymous && !comment.author) {
      return 'The submitter (anonymous)';
    }
    return comment.authorName || comment.author;
  }

  render() {
    if (!this.item) {
      return html`${this.errorBanner()}${this.error ? '' : html`<up-loading label="Loading the item…"></up-loading>`}`;
    }
    const { item, labels } = this;
    const bodyError = this.commentProblem?.fieldError('body') || this.commentProblem?.message;
    return html`
      <h1>${item.title}</h1>
      ${this.errorBanner()}
      <p><span data-testid="status"><up-badge value=${item.status} label=${labels.status(item.status)}></up-badge></span>
        <up-badge value=${item.kind}></up-badge> ${labels.area(item.area)}</p>
      <p>Sent by ${sender(item)}${item.businessUnit ? ` (${item.businessUnit})` : ''} on ${date(item.createdAt)}</p>
      ${item.duplicateOf ? html`<p>A duplicate of <a href=${`/web/feedback/${item.duplicateOf}`}>${this.original?.title || 'the original item'}</a>:
        its votes and followers moved there.</p>` : ''}
      <p class="description">${item.description}</p>
      <div class="actions">${number(item.votes)} ${item.votes === 1 ? 'vote' : 'votes'}
        <button @click=${() => this.act('put', 'vote')}>Vote</button>
        <button class="secondary" @click=${() => this.act('delete', 'vote')}>Remove my vote</button>
        <button class="secondary" @click=${() => this.act('put', 'follow')}>Follow</button>
        <button class="secondary" @click=${() => this.act('delete', 'follow')}>Unfollow</button></div>
      <h2>Timeline</h2>
      <ol class="timeline">${(this.history || []).map((entry) => html`
        <li><strong>${labels.status(entry.to)}</strong> · ${dateTime(entry.at)}${entry.actorName || entry.actor ? ` · ${entry.actorName || entry.actor}` : ''}${entry.note ? html`: “${entry.note}”` : ''}</li>`)}</ol>
      <h2>Comments</h2>
      ${(this.comments || []).length === 0 ? html`<up-empty message="No comment yet."></up-empty>` : html`
      <ul class="list">${this.comments.map((comment) => html`
        <li class=${comment.official ? 'official' : ''}>${comment.official ? html`<span class="badge official">CRM team</span> ` : ''}
          <strong>${this.author(comment)}</strong> · ${dateTime(comment.createdAt)}<p class="description">${comment.body}</p></li>`)}</ul>`}
      <form novalidate @submit=${(event) => this.comment(event)}>
        <div class="field"><label for="c-body">Add a comment</label>
        <textarea id="c-body" name="body" rows="3" aria-invalid=${bodyError ? 'true' : 'false'} aria-describedby=${bodyError ? 'e-body' : ''}></textarea>
        ${bodyError ? html`<p class="field-error" id="e-body">${bodyError}</p>` : ''}</div>
        <button type="submit">Comment</button>
      </form>
      ${isAdmin() ? html`<p><a href="/web/triage">Triage board</a></p>` : ''}`;
  }
}
customElements.define('feedback-item', FeedbackItem);

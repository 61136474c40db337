import { html } from 'lit';
import { Page, keepInAddress, fromAddress } from './page.js';
import { dateTime } from './format.js';
import { api, query } from './api.js';
import { feedbackLabels } from './labels.js';

const STATUS_CODES = /\b(SUBMITTED|ACKNOWLEDGED|UNDER_REVIEW|PLANNED|IN_PROGRESS|IMPLEMENTED|ANSWERED|DECLINED|DUPLICATE)\b/g;

const PAGE_SIZE = 20;

/** A weekly digest as a summary: its heading, each figure on a line of its own, and the celebrations. */
export function digest(message) {
  const [heading, ...lines] = (message || '').split('\n').filter((line) => line.trim());
  const celebrations = lines.filter((line) => line.startsWith('🎉'));
  const figures = lines.filter((line) => !line.startsWith('🎉')).map((line) => {
    const colon = line.indexOf(': ');
    return colon > 0 ? [line.slice(0, colon), line.slice(colon + 2)] : [line, ''];
  });
  return html`<div class="digest"><h3>${heading}</h3>
    <dl class="figures">${figures.map(([label, value]) => html`<div><dt>${label}</dt>${value ? html`<dd>${value}</dd>` : ''}</div>`)}</dl>
    ${celebrations.length ? html`<ul>${celebrations.map((line) => html`<li>${line}</li>`)}</ul>` : ''}</div>`;
}

/** My inbox: status changes of my items and the ones I follow, celebrations, and the weekly digest. */
class InboxPage extends Page {
  static properties = {
    notifications: { state: true }, total: { state: true }, filter: { state: true }, notice: { state: true }, labels: { state: true },
  };

  static loadOn = ['filter'];

  constructor() {
    super();
    const address = fromAddress();
    this.filter = { unread: address.unread || '', page: Number(address.page || 0) };
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Inbox · Uptake';
  }

  async load() {
    await this.guard(async () => {
      const [found, labels] = await Promise.all([
        api.get(`/api/feedback/notifications${query({ ...this.filter, size: PAGE_SIZE })}`), feedbackLabels().catch(() => null)]);
      Object.assign(this, { notifications: found.items, total: found.total, labels });
    });
  }

  changed() {
    document.dispatchEvent(new CustomEvent('inbox-changed'));
  }

  async markRead(notification) {
    await this.guard(async () => {
      await api.post(`/api/feedback/notifications/${notification.id}/read`);
      this.changed();
      await this.load();
    });
  }

  async markAll() {
    await this.guard(async () => {
      const answer = await api.post('/api/feedback/notifications/read-all');
      this.notice = `${answer.marked} marked read.`;
      this.changed();
      await this.load();
    });
  }

  /** A notification's sentence without the item's title in front (the link shows it) and with the status labels. */
  sentence(notification) {
    let text = notification.message || '';
    const quoted = `"${notification.title}"`;
    if (notification.title && text.startsWith(quoted)) {
      text = text.slice(quoted.length).trim();
    }
    return this.labels ? text.replace(STATUS_CODES, (code) => this.labels.status(code)) : text;
  }

  entry(notification) {
    const unread = !notification.readAt;
    const body = notification.kind === 'DIGEST' ? digest(notification.message) : html`
      <p>${notification.itemId ? html`<a href=${`/web/feedback/${notification.itemId}`}>${notification.title || 'The item'}</a> ` : ''}${this.sentence(notification)}</p>`;
    return html`<li class=${unread ? 'unread-entry' : ''} data-testid="notification">
      <p class=${unread ? 'unread' : 'muted'}><small>${notification.kind === 'DIGEST' ? 'Weekly digest' : notification.kind === 'feedback.implemented' ? 'Celebration' : 'Status change'}
        · ${dateTime(notification.createdAt)}${unread ? ' · unread' : ''}</small></p>
      ${body}
      ${unread ? html`<button type="button" class="secondary" @click=${() => this.markRead(notification)}>Mark read</button>` : ''}
    </li>`;
  }

  render() {
    return html`
      <h1>Inbox</h1>
      ${this.errorBanner()}
      <div class="actions">
        <label class="check"><input type="checkbox" ?checked=${this.filter.unread === 'true'}
          @change=${(event) => { this.filter = { unread: event.target.checked ? 'true' : '', page: 0 }; keepInAddress(this.filter); }}> Unread only</label>
        <button type="button" @click=${() => this.markAll()}>Mark all read</button>
      </div>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${this.notifications === undefined ? html`<up-loading></up-loading>` : this.notifications.length === 0
        ? html`<up-empty message=${this.filter.unread ? 'Nothing unread.' : 'Your inbox is empty.'}
            hint="You are told here when your feedback or feedback you follow moves, when an idea of yours is implemented, and once a week how your use went."></up-empty>`
        : html`<ul class="list">${this.notifications.map((notification) => this.entry(notification))}</ul>`}
      <up-pager .total=${this.total} .page=${this.filter.page} .size=${PAGE_SIZE} label="Inbox pages"
        @page=${(event) => { this.filter = { ...this.filter, page: event.detail }; keepInAddress(this.filter); }}></up-pager>`;
  }
}
customElements.define('inbox-page', InboxPage);

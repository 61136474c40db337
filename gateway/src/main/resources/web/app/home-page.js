import { html } from 'lit';
import { Page } from './page.js';
import { date, number } from './format.js';
import { api, query, startOfWeek, startOfMonth, isoDate } from './api.js';
import { me } from './session.js';
import { actionNames, metricName } from './labels.js';
import './my-training.js';
import './my-certifications.js';

/** Everyone's start page: my adoption, my training, my tests, my feedback, and the celebrations as they happen. */
class HomePage extends Page {
  static properties = {
    week: { state: true }, month: { state: true }, onRoster: { state: true }, feedback: { state: true },
    celebrations: { state: true }, actions: { state: true },
  };

  constructor() {
    super();
    this.celebrations = [];
    this.onRoster = true;
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Home · Uptake';
  }

  /**
   * The live feed: a celebration appears the moment an idea is implemented. A browser retries a dropped stream by
   * itself, but not one the gateway refused (a 503 when the replica holds its most streams, a 429 when this person
   * holds theirs): that one is opened again after 5 to 35 s, spread so that refused browsers do not come back at once.
   */
  openStream() {
    this.stream = new EventSource('/api/feedback/celebrations/stream');
    this.stream.addEventListener('message', (event) => this.celebrate(JSON.parse(event.data)));
    this.stream.addEventListener('error', () => {
      if (this.stream.readyState === EventSource.CLOSED && this.isConnected) {
        this.retry = setTimeout(() => this.openStream(), 5000 + Math.random() * 30000);
      }
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.retry);
    this.stream?.close();
    this.stream = null;
  }

  celebrate(celebration) {
    if (!this.celebrations.some((known) => known.id === celebration.id)) {
      this.celebrations = [celebration, ...this.celebrations].slice(0, 10);
    }
  }

  async load() {
    const today = isoDate(new Date());
    const scorecard = (from) => api.get(`/api/metrics/people/${encodeURIComponent(me.username)}/scorecard${query({ from, to: today })}`)
      .catch((failure) => {
        if (failure.status === 404) {
          this.onRoster = false;
          return null;
        }
        throw failure;
      });
    await this.guard(async () => {
      const [week, month, feedback, celebrations, actions] = await Promise.all([
        scorecard(startOfWeek()), scorecard(startOfMonth()),
        api.get('/api/feedback/items?mine=true&sort=newest&size=10'),
        api.get('/api/feedback/celebrations?size=10'),
        actionNames().catch(() => null),
      ]);
      Object.assign(this, { week, month, feedback: feedback.items, actions });
      celebrations.items.slice().reverse().forEach((celebration) => this.celebrate(celebration));
    });
    // opened once the page has its data: a browser has six connections to the gateway, and a stream holds one for
    // good, which the page's first requests (eleven of them, over three services) would otherwise queue behind
    if (!this.stream && this.isConnected) {
      this.openStream();
    }
  }

  scorecard(title, card) {
    const id = `h-${title.replaceAll(' ', '-')}`;
    if (!card) {
      return html`<section class="card" aria-labelledby=${id}><h2 id=${id}>${title}</h2>
        ${this.onRoster ? html`<up-loading></up-loading>` : html`<up-empty message="You are not on the roster yet, so there is no adoption to show."></up-empty>`}</section>`;
    }
    const verdict = card.status === 'NO_OBJECTIVES' ? 'No objectives set for your unit and role'
      : card.status === 'MEETING' ? 'Meeting your objectives' : 'Below your objectives';
    return html`
      <section class="card" aria-labelledby=${id}>
        <h2 id=${id}>${title}</h2>
        <p class=${`status ${card.status.toLowerCase()}`}>${verdict}${card.score != null ? html` · score <strong>${number(card.score)}</strong>` : ''}</p>
        <p>Use: <up-badge value=${card.band}></up-badge></p>
        ${card.expectations.length === 0 ? '' : html`<table>
          <caption class="sr-only">${title}: each objective against what you did</caption>
          <thead><tr><th scope="col">Objective</th><th scope="col" class="num">Expected</th><th scope="col" class="num">Done</th><th scope="col">Met</th></tr></thead>
          <tbody>${card.expectations.map((result) => html`
            <tr><td>${metricName(result.metric, this.actions)} per ${result.period}</td><td class="num">${number(result.expected)}</td>
              <td class="num">${number(result.actual)}</td><td>${result.met ? 'Yes' : 'No'}</td></tr>`)}</tbody>
        </table>`}
      </section>`;
  }

  celebration(celebration) {
    const who = celebration.anonymous && !celebration.submittedBy ? 'suggested anonymously'
      : `suggested by ${celebration.submitterName || celebration.submittedBy}${celebration.businessUnit ? ` (${celebration.businessUnit})` : ''}`;
    return html`<li class="celebration"><a href=${`/web/feedback/${celebration.itemId}`}>${celebration.title}</a>, ${who}, is live · ${date(celebration.implementedAt)}</li>`;
  }

  render() {
    return html`
      <h1>Hello ${me.name || me.username}</h1>
      ${this.errorBanner()}
      <div class="grid">
        ${this.scorecard('This week', this.week)}
        ${this.scorecard('This month', this.month)}
        <my-training></my-training>
        <my-certifications></my-certifications>
        <section class="card" aria-labelledby="h-feedback">
          <h2 id="h-feedback">My feedback</h2>
          ${this.feedback === undefined ? html`<up-loading></up-loading>` : this.feedback.length === 0
            ? html`<up-empty message="You have not sent feedback yet."></up-empty>`
            : html`<ul class="list">${this.feedback.map((item) => html`
            <li><a href=${`/web/feedback/${item.id}`}>${item.title}</a> <up-badge value=${item.status} label=${item.statusLabel && item.statusLabel !== item.status ? item.statusLabel : ''}></up-badge>
              ${item.anonymous ? html`<small>(anonymous)</small>` : ''}</li>`)}</ul>`}
          <p><a class="button" href="/web/feedback/new">Send feedback</a></p>
        </section>
        <section class="card" aria-labelledby="h-celebrations">
          <h2 id="h-celebrations">Celebrations</h2>
          <ul class="list" aria-live="polite" data-testid="celebrations">${this.celebrations.map((celebration) => this.celebration(celebration))}</ul>
          ${this.celebrations.length === 0 ? html`<up-empty message="No celebration yet."></up-empty>` : ''}
        </section>
      </div>`;
  }
}
customElements.define('home-page', HomePage);

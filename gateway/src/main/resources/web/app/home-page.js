import { html } from 'lit';
import { Page, navigate, date, dateTime, words, assignmentTitle } from './page.js';
import { api, query, startOfWeek, startOfMonth, isoDate } from './api.js';
import { me } from './session.js';

/** Everyone's start page: my adoption, my training, my tests, my feedback, and the celebrations as they happen. */
class HomePage extends Page {
  static properties = {
    week: { state: true }, month: { state: true }, onRoster: { state: true }, training: { state: true },
    tests: { state: true }, feedback: { state: true }, celebrations: { state: true }, starting: { state: true },
  };

  constructor() {
    super();
    this.celebrations = [];
    this.onRoster = true;
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Home · Uptake';
    this.load();
    // the live feed: a celebration appears the moment an idea is implemented
    this.stream = new EventSource('/api/feedback/celebrations/stream');
    this.stream.addEventListener('message', (event) => this.celebrate(JSON.parse(event.data)));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stream?.close();
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
      const [week, month, training, tests, feedback, celebrations] = await Promise.all([
        scorecard(startOfWeek()), scorecard(startOfMonth()),
        api.get(`/api/training/assignments${query({ userId: me.username, size: 50 })}`),
        api.get('/api/training/tests?size=50'),
        api.get('/api/feedback/items?mine=true&sort=newest&size=10'),
        api.get('/api/feedback/celebrations?size=10'),
      ]);
      Object.assign(this, { week, month, training: training.items, tests: tests.items, feedback: feedback.items });
      celebrations.items.slice().reverse().forEach((celebration) => this.celebrate(celebration));
    });
  }

  async start(test) {
    this.starting = test.id;
    await this.guard(async () => {
      const attempt = await api.post(`/api/training/tests/${test.id}/attempts`);
      navigate(`/web/attempts/${attempt.id}`);
    });
    this.starting = null;
  }

  scorecard(title, card) {
    if (!card) {
      return html`<section class="card" aria-labelledby=${`h-${title}`}><h2 id=${`h-${title}`}>${title}</h2>
        <p>${this.onRoster ? 'Loading…' : 'You are not on the roster yet, so there is no adoption to show.'}</p></section>`;
    }
    const verdict = card.status === 'NO_OBJECTIVES' ? 'No objectives set for your unit and role'
      : card.status === 'MEETING' ? 'Meeting your objectives' : 'Below your objectives';
    return html`
      <section class="card" aria-labelledby=${`h-${title}`}>
        <h2 id=${`h-${title}`}>${title}</h2>
        <p class=${`status ${card.status.toLowerCase()}`}>${verdict}${card.score != null ? html` · score <strong>${card.score}</strong>` : ''}</p>
        <p>Use: ${words(card.band)}</p>
        <table>
          <caption class="sr-only">${title}: each objective against what you did</caption>
          <thead><tr><th scope="col">Objective</th><th scope="col">Expected</th><th scope="col">Done</th><th scope="col">Met</th></tr></thead>
          <tbody>${card.expectations.map((result) => html`
            <tr><td>${result.metric.replace('action:', '')} per ${result.period}</td><td>${result.expected}</td><td>${result.actual}</td>
              <td>${result.met ? 'Yes' : 'No'}</td></tr>`)}</tbody>
        </table>
      </section>`;
  }

  render() {
    const open = (this.training || []).filter((assignment) => !['COMPLETED', 'CANCELLED'].includes(assignment.status));
    return html`
      <h1>Hello ${me.name || me.username}</h1>
      ${this.errorBanner()}
      <div class="grid">
        ${this.scorecard('This week', this.week)}
        ${this.scorecard('This month', this.month)}
        <section class="card" aria-labelledby="h-training">
          <h2 id="h-training">My training</h2>
          ${open.length === 0 ? html`<p>No open training.</p>` : html`<ul class="list">${open.map((assignment) => html`
            <li>
              <strong>${assignmentTitle(assignment)}</strong> (${words(assignment.mode)}) · due ${date(assignment.dueOn)}
              ${assignment.status === 'OVERDUE' ? html`<span class="badge overdue">Overdue</span>` : ''}
              ${assignment.reason ? html`<br><small>Why: ${assignment.reason.detail || words(assignment.reason.kind)}</small>` : ''}
              ${assignment.session ? html`<br><small>Class ${dateTime(assignment.session.startsAt)}, ${assignment.session.location}</small>` : ''}
              ${assignment.moduleUrl ? html`<br><a href=${assignment.moduleUrl}>Open the course: ${assignment.moduleTitle}</a>` : ''}
            </li>`)}</ul>`}
        </section>
        <section class="card" aria-labelledby="h-tests">
          <h2 id="h-tests">Tests open to me</h2>
          ${(this.tests || []).length === 0 ? html`<p>No test is open to you.</p>` : html`<ul class="list">${this.tests.map((test) => html`
            <li><strong>${test.name}</strong> · ${test.timeLimitMinutes} min · pass mark ${test.passMark}%
              <button @click=${() => this.start(test)} ?disabled=${this.starting === test.id}>Take the test</button></li>`)}</ul>`}
        </section>
        <section class="card" aria-labelledby="h-feedback">
          <h2 id="h-feedback">My feedback</h2>
          ${(this.feedback || []).length === 0 ? html`<p>You have not sent feedback yet.</p>` : html`<ul class="list">${this.feedback.map((item) => html`
            <li><a href=${`/web/feedback/${item.id}`}>${item.title}</a> <span class="badge">${words(item.status)}</span></li>`)}</ul>`}
          <p><a class="button" href="/web/feedback/new">Send feedback</a></p>
        </section>
        <section class="card" aria-labelledby="h-celebrations">
          <h2 id="h-celebrations">Celebrations</h2>
          <ul class="list" aria-live="polite" data-testid="celebrations">${this.celebrations.map((celebration) => html`
            <li class="celebration"><a href=${`/web/feedback/${celebration.itemId}`}>${celebration.title}</a>, suggested by ${celebration.submittedBy}
              (${celebration.businessUnit}), is live · ${date(celebration.implementedAt)}</li>`)}</ul>
          ${this.celebrations.length === 0 ? html`<p>No celebration yet.</p>` : ''}
        </section>
      </div>`;
  }
}
customElements.define('home-page', HomePage);

import { html } from 'lit';
import { Page, navigate } from './page.js';
import { date, dateTime, number, assignmentTitle, assignmentReason } from './format.js';
import { api, query } from './api.js';
import { me } from './session.js';

const CLOSED = ['COMPLETED', 'CANCELLED'];
const MODES = [['', 'No preference (my unit decides)'], ['ELEARNING', 'eLearning'], ['INSTRUCTOR_LED', 'Instructor-led']];

/**
 * My training on the home page: each open assignment with what I can do about it (start the test or the
 * re-test, open the course and mark it done, book a seat, give it back, leave a waitlist), the tests open to
 * me, and my preferred way of learning.
 */
class MyTraining extends Page {
  static properties = {
    assignments: { state: true }, tests: { state: true }, sessions: { state: true }, preference: { state: true },
    busy: { state: true }, notice: { state: true },
  };

  async load() {
    await this.guard(async () => {
      const [assignments, tests, preference] = await Promise.all([
        api.get(`/api/training/assignments${query({ userId: me.username, size: 100 })}`),
        api.get('/api/training/tests?size=50'),
        api.get('/api/training/me/preferences'),
      ]);
      const open = assignments.items.filter((assignment) => !CLOSED.includes(assignment.status));
      // the sessions I could book: instructor-led training not yet seated
      const modules = [...new Set(open.filter((assignment) => assignment.mode === 'INSTRUCTOR_LED' && assignment.moduleId && !assignment.session)
        .map((assignment) => assignment.moduleId))];
      const sessions = await Promise.all(modules.map((moduleId) => api.get(`/api/training/sessions${query({ moduleId, size: 20 })}`)));
      this.sessions = Object.fromEntries(modules.map((moduleId, index) => [moduleId,
        sessions[index].items.filter((session) => new Date(session.startsAt) > new Date())]));
      Object.assign(this, { assignments: open, tests: tests.items, preference: preference.preferredMode || '' });
    });
  }

  /** Runs one action, says what happened, and reads my training again. */
  async act(key, action, done) {
    this.busy = key;
    try {
      const answer = await action();
      this.notice = { kind: 'ok', text: typeof done === 'function' ? done(answer) : done };
      if (answer?.navigateTo) {
        navigate(answer.navigateTo);
        return;
      }
      await this.load();
    } catch (failure) {
      this.notice = { kind: 'error', text: failure.message };
    } finally {
      this.busy = null;
    }
  }

  start(testId, skill) {
    return this.act(`test-${testId}-${skill || ''}`, async () => {
      const attempt = await api.post(`/api/training/tests/${testId}/attempts${query({ skill })}`);
      return { navigateTo: `/web/attempts/${attempt.id}` };
    }, 'Test started.');
  }

  book(assignment, session) {
    return this.act(`book-${session.id}`, () => api.post(`/api/training/sessions/${session.id}/enrolments`, {}),
      (answer) => (answer?.status === 'WAITLISTED'
        ? `The class on ${dateTime(session.startsAt)} is full: you are number ${answer.waitlistPosition} on its waitlist.`
        : `Your seat on ${dateTime(session.startsAt)} in ${session.location} is booked.`));
  }

  leave(sessionId, what) {
    return this.act(`leave-${sessionId}`, () => api.delete(`/api/training/sessions/${sessionId}/enrolments/${encodeURIComponent(me.username)}`), what);
  }

  complete(assignment) {
    return this.act(`done-${assignment.id}`, () => api.post(`/api/training/assignments/${assignment.id}/complete`),
      `“${assignmentTitle(assignment)}” is done.`);
  }

  savePreference(mode) {
    return this.act('preference', () => api.put('/api/training/me/preferences', { preferredMode: mode || null }), 'Your preference is saved.');
  }

  whatToDo(assignment) {
    const busy = (key) => this.busy === key;
    if (assignment.kind === 'TEST') {
      const retest = ['RETEST', 'RECERTIFY'].includes(assignment.reason?.kind) && assignment.skill;
      return assignment.testId ? html`<button @click=${() => this.start(assignment.testId, retest ? assignment.skill : undefined)}
        ?disabled=${busy(`test-${assignment.testId}-${retest ? assignment.skill : ''}`)}>${retest ? 'Start the re-test' : 'Start the test'}</button>` : '';
    }
    if (assignment.mode === 'ELEARNING') {
      return html`<div class="actions">
        ${assignment.moduleUrl ? html`<a class="button secondary" href=${assignment.moduleUrl} target="_blank" rel="noopener">Open the course</a>` : ''}
        <button @click=${() => this.complete(assignment)} ?disabled=${busy(`done-${assignment.id}`)}>Mark as done</button></div>`;
    }
    if (assignment.session) {
      return html`<p>Your seat: ${dateTime(assignment.session.startsAt)}, ${assignment.session.location}</p>
        <button class="secondary" @click=${() => this.leave(assignment.session.id, 'You gave back your seat.')}
          ?disabled=${busy(`leave-${assignment.session.id}`)}>Give back my seat</button>`;
    }
    const waiting = assignment.waitlist;
    const sessions = (this.sessions?.[assignment.moduleId] || []).filter((session) => session.id !== waiting?.sessionId);
    return html`
      ${waiting ? html`<p data-testid="waitlist">You are number ${number(waiting.position)} on the waitlist${waiting.startsAt ? ` for ${dateTime(waiting.startsAt)}` : ''}.
        <button class="secondary" @click=${() => this.leave(waiting.sessionId, 'You left the waitlist.')}
          ?disabled=${busy(`leave-${waiting.sessionId}`)}>Leave the waitlist</button></p>` : ''}
      ${sessions.length === 0 ? (waiting ? '' : html`<p class="muted">No class is scheduled yet: HR will add one.</p>`) : html`
        <ul class="list sessions">${sessions.map((session) => {
          const full = session.seatsTaken >= session.capacity;
          return html`<li>${dateTime(session.startsAt)}, ${session.location} · ${full ? 'full' : `${number(session.capacity - session.seatsTaken)} seats left`}
            <button @click=${() => this.book(assignment, session)} ?disabled=${busy(`book-${session.id}`)}>${full ? 'Join the waitlist' : 'Book a seat'}</button></li>`;
        })}</ul>`}`;
  }

  render() {
    return html`
      <section class="card" aria-labelledby="h-training">
        <h2 id="h-training">My training</h2>
        ${this.errorBanner()}
        ${this.notice ? html`<p class=${this.notice.kind} role="status">${this.notice.text}</p>` : ''}
        ${this.assignments === undefined ? html`<up-loading></up-loading>` : this.assignments.length === 0
          ? html`<up-empty message="No open training."></up-empty>`
          : html`<ul class="list">${this.assignments.map((assignment) => html`
          <li data-testid="my-assignment">
            <strong>${assignmentTitle(assignment)}</strong> <up-badge value=${assignment.status}></up-badge>
            <br><small>${assignment.kind === 'TEST' ? 'Test' : assignment.mode === 'ELEARNING' ? 'eLearning' : 'Instructor-led'} · due ${date(assignment.dueOn)}</small>
            ${assignment.reason ? html`<br><small>Why: ${assignmentReason(assignment)}</small>` : ''}
            ${this.whatToDo(assignment)}
          </li>`)}</ul>`}
        <form class="filters" @submit=${(event) => { event.preventDefault(); this.savePreference(new FormData(event.target).get('preferredMode')); }}>
          <div class="field"><label for="preferred-mode">How I prefer to learn</label>
            <select id="preferred-mode" name="preferredMode">${MODES.map(([value, label]) => html`<option value=${value} ?selected=${this.preference === value}>${label}</option>`)}</select></div>
          <button type="submit" class="secondary" ?disabled=${this.busy === 'preference'}>Save</button>
        </form>
      </section>
      <section class="card" aria-labelledby="h-tests">
        <h2 id="h-tests">Tests open to me</h2>
        ${this.tests === undefined ? html`<up-loading></up-loading>` : this.tests.length === 0 ? html`<up-empty message="No test is open to you."></up-empty>`
          : html`<ul class="list">${this.tests.map((test) => html`
          <li><strong>${test.name}</strong> · ${number(test.timeLimitMinutes)} min · pass mark ${number(test.passMark)} %
            <button @click=${() => this.start(test.id)} ?disabled=${this.busy === `test-${test.id}-`}>Take the test</button></li>`)}</ul>`}
      </section>`;
  }
}
customElements.define('my-training', MyTraining);

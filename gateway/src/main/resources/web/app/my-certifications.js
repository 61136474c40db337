import { html } from 'lit';
import { Page } from './page.js';
import { date, number } from './format.js';
import { api } from './api.js';

/** My passed skills and how long each pass stays valid (expiring ones come back as a re-test). */
class MyCertifications extends Page {
  static properties = { certifications: { state: true } };

  async load() {
    await this.guard(async () => {
      this.certifications = (await api.get('/api/training/me/certifications')).items;
    });
  }

  render() {
    return html`
      <section class="card" aria-labelledby="h-certifications">
        <h2 id="h-certifications">My certifications</h2>
        ${this.errorBanner()}
        ${this.certifications === undefined ? (this.error ? '' : html`<up-loading></up-loading>`) : this.certifications.length === 0
          ? html`<up-empty message="No skill passed yet." hint="Passing a skill test certifies the skill for a while; you are asked to re-test before it expires."></up-empty>`
          : html`<ul class="list">${this.certifications.map((certification) => html`
            <li><strong>${certification.skillName || certification.skill}</strong> <up-badge value=${certification.status}></up-badge>
              <br><small>Score ${number(certification.score)} · passed ${date(certification.passedOn)} ·
              ${certification.status === 'EXPIRED' ? 'expired' : 'valid until'} ${date(certification.expiresOn)}</small></li>`)}</ul>`}
      </section>`;
  }
}
customElements.define('my-certifications', MyCertifications);

import { html } from 'lit';
import { LightElement } from './light-element.js';
import { number } from '../format.js';

/**
 * Where a server-paged list stands: "21–40 of 263", with Previous and Next. `page` counts from 0. Fires `page`
 * with the page wanted as its detail.
 */
class UpPager extends LightElement {
  static properties = { total: { type: Number }, page: { type: Number }, size: { type: Number }, label: {} };

  go(page) {
    this.dispatchEvent(new CustomEvent('page', { detail: page, bubbles: true, composed: true }));
  }

  render() {
    const total = this.total || 0;
    const page = this.page || 0;
    const size = this.size || 20;
    const pages = Math.max(1, Math.ceil(total / size));
    if (total <= size && page === 0) {
      return html`<p class="pager-count" aria-live="polite">${number(total)} in all</p>`;
    }
    const first = Math.min(total, page * size + 1);
    const last = Math.min(total, (page + 1) * size);
    return html`
      <nav class="pager" aria-label=${this.label || 'Pages'}>
        <button type="button" ?disabled=${page === 0} @click=${() => this.go(page - 1)}>Previous</button>
        <span aria-live="polite">${number(first)}–${number(last)} of ${number(total)}</span>
        <button type="button" ?disabled=${page + 1 >= pages} @click=${() => this.go(page + 1)}>Next</button>
      </nav>`;
  }
}
customElements.define('up-pager', UpPager);

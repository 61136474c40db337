import { LitElement, html } from 'lit';
import { loadCharts } from './charts-loader.js';

/**
 * A page or part of one, rendered into the light DOM so that the one style sheet applies and labels,
 * headings and landmarks form one document for assistive technology.
 *
 * A page loads its data in `load()`, which runs when it is attached and again whenever one of the properties
 * named in `static loadOn` changes: the same route with another id (or a new filter) shows the new data
 * instead of keeping the old on screen.
 */
export class Page extends LitElement {
  static properties = { error: { state: true } };

  /** The properties whose change reloads the data. */
  static loadOn = [];

  /** True for a page that draws a chart: ECharts is fetched while its data loads, not after. */
  static drawsCharts = false;

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stale = true;
    if (this.constructor.drawsCharts) {
      loadCharts().catch(() => {}); // a failure shows where the chart is drawn
    }
  }

  willUpdate(changed) {
    if (typeof this.load === 'function' && (this.stale || this.constructor.loadOn.some((name) => changed.has(name)))) {
      this.stale = false;
      this.load();
    }
  }

  /** Runs a load, showing the API's refusal or failure in the page instead of a blank. */
  async guard(load) {
    try {
      this.error = null;
      return await load();
    } catch (failure) {
      this.error = failure;
      return undefined;
    } finally {
      // the data (or the refusal) is on screen: what the browser tests and the page timings wait for
      await this.updateComplete;
      this.setAttribute('data-loaded', '');
      performance.mark(`loaded ${this.localName}`); // for the page timings (./uptake bench web)
      this.dispatchEvent(new Event('page-loaded', { bubbles: true })); // the header counts the unread once a part is loaded
    }
  }

  errorBanner() {
    if (!this.error) {
      return '';
    }
    const refused = this.error.status === 403;
    return html`<p class="error" role="alert">${refused ? 'You may not see this: ' : ''}${this.error.message}</p>`;
  }
}

export function navigate(path) {
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Keeps a page's filters in the address (replacing the entry), so that reload and sharing keep them. */
export function keepInAddress(filters) {
  const search = new URLSearchParams();
  Object.entries(filters).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '' && value !== 0) {
      search.set(name, value);
    }
  });
  const text = search.toString();
  window.history.replaceState({}, '', `${window.location.pathname}${text ? `?${text}` : ''}`);
}

/** The address's query as an object. */
export function fromAddress() {
  return Object.fromEntries(new URLSearchParams(window.location.search));
}

import { html } from 'lit';
import { Page } from '../page.js';
import { dateTime } from '../format.js';
import { api } from '../api.js';

/** The webhooks registered for feedback events, and their recent deliveries. */
class WebhookAdmin extends Page {
  static properties = { hooks: { state: true }, deliveries: { state: true } };

  async load() {
    await this.guard(async () => {
      const hooks = await api.get('/api/feedback/webhooks');
      const deliveries = await Promise.all(hooks.items.map((hook) => api.get(`/api/feedback/webhooks/${hook.id}/deliveries?size=5`)));
      this.deliveries = Object.fromEntries(hooks.items.map((hook, index) => [hook.id, deliveries[index].items]));
      this.hooks = hooks.items;
    });
  }

  render() {
    return html`<h2>Webhooks</h2>${this.errorBanner()}${this.hooks === undefined ? html`<up-loading></up-loading>` : this.hooks.length === 0
      ? html`<up-empty message="No webhook is registered."></up-empty>` : html`
      <ul class="list">${this.hooks.map((hook) => html`<li><strong>${hook.url}</strong> · ${(hook.events || []).join(', ')}
        <ul>${(this.deliveries?.[hook.id] || []).map((delivery) => html`<li>${delivery.succeeded ? 'Delivered' : 'Failed'}
          ${delivery.statusCode ? `(HTTP ${delivery.statusCode})` : delivery.error || ''} · attempt ${delivery.attempt}
          · ${dateTime(delivery.attemptedAt)}</li>`)}</ul></li>`)}</ul>`}`;
  }
}
customElements.define('webhook-admin', WebhookAdmin);

import { LitElement } from 'lit';

/** A part of the design system, drawn in the light DOM: the one style sheet applies and ids and labels stay in one document. */
export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}

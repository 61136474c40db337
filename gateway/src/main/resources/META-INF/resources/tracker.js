/*
 * Uptake's browser tracker: counts the use of a web CRM for the person signed in to it.
 *
 *   <script>window.uptake = window.uptake || {q: [], identify: function (u) { this.q.push(u); }};</script>
 *   <script src="https://uptake.example.com/tracker.js" data-write-key="uwk_..." async></script>
 *   <script>uptake.identify("the CRM user's id");</script>
 *
 * It sends Segment-compatible `page` calls on navigation (single-page apps included: history and hash changes) and a
 * `track` call for each click on an element marked data-uptake-action="<action or event name>" (its
 * data-uptake-object, if any, names the CRM record). It records the path of each page, never a query string, a field's
 * value or a keystroke. Messages are batched, sent every few seconds and with sendBeacon when the page is hidden,
 * retried with backoff while the network or Uptake is unavailable, and dropped after a bound.
 */
(function (window, document) {
  'use strict';
  var script = document.currentScript;
  if (!script || window.uptakeTracker) {
    return;
  }
  var config = {
    writeKey: script.getAttribute('data-write-key'),
    host: script.getAttribute('data-host') || new URL(script.src).origin,
    flushMs: Number(script.getAttribute('data-flush-ms')) || 5000
  };
  var MAX_QUEUE = 1000;
  var MAX_BATCH = 100;
  var MAX_TRIES = 6;
  var queue = [];
  var userId = null;
  var lastPath = null;
  var sending = false;
  var tries = 0;
  var timer = null;

  function messageId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return 'm-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  function enqueue(message) {
    if (!userId || !config.writeKey) {
      return;
    }
    message.messageId = messageId();
    message.userId = userId;
    message.timestamp = new Date().toISOString();
    message.context = {userAgent: navigator.userAgent, library: {name: 'uptake-tracker', version: '1'}};
    queue.push(message);
    if (queue.length > MAX_QUEUE) {
      queue.splice(0, queue.length - MAX_QUEUE); // the oldest go first
    }
    schedule(config.flushMs);
  }

  function schedule(delay) {
    if (!timer) {
      timer = setTimeout(function () {
        timer = null;
        flush();
      }, delay);
    }
  }

  function body(batch) {
    return JSON.stringify({writeKey: config.writeKey, sentAt: new Date().toISOString(), batch: batch});
  }

  // text/plain with the key in the body: a simple request, so no preflight is needed
  function flush() {
    if (sending || queue.length === 0) {
      return;
    }
    var batch = queue.slice(0, MAX_BATCH);
    sending = true;
    fetch(config.host + '/v1/batch', {
      method: 'POST',
      headers: {'Content-Type': 'text/plain'},
      body: body(batch),
      keepalive: true,
      credentials: 'omit',
      mode: 'cors'
    }).then(function (response) {
      // a refused key or origin will not change by retrying: those messages are dropped
      var retry = response.status === 429 || response.status >= 500;
      return retry ? Promise.reject(new Error('HTTP ' + response.status)) : null;
    }).then(function () {
      queue.splice(0, batch.length);
      sending = false;
      tries = 0;
      if (queue.length > 0) {
        schedule(0);
      }
    }, function () {
      sending = false;
      tries += 1;
      if (tries >= MAX_TRIES) {
        queue.splice(0, batch.length);
        tries = 0;
      }
      schedule(Math.min(60000, 1000 * Math.pow(2, tries)));
    });
  }

  // a batch also in flight by fetch may arrive twice: its message ids make the second a duplicate, counted once
  function beacon() {
    if (queue.length === 0 || !navigator.sendBeacon) {
      return;
    }
    var batch = queue.slice(0, MAX_BATCH);
    if (navigator.sendBeacon(config.host + '/v1/batch', new Blob([body(batch)], {type: 'text/plain'}))) {
      queue.splice(0, batch.length);
    }
  }

  function page() {
    var path = window.location.pathname + (window.location.hash ? window.location.hash.split('?')[0] : '');
    if (path === lastPath) {
      return;
    }
    lastPath = path;
    enqueue({type: 'page', properties: {path: path}});
  }

  function click(event) {
    var element = event.target && event.target.closest ? event.target.closest('[data-uptake-action]') : null;
    if (!element) {
      return;
    }
    var properties = {};
    var object = element.getAttribute('data-uptake-object');
    if (object) {
      properties.objectId = object;
    }
    enqueue({type: 'track', event: element.getAttribute('data-uptake-action'), properties: properties});
  }

  function watchNavigation() {
    ['pushState', 'replaceState'].forEach(function (name) {
      var original = window.history[name];
      window.history[name] = function () {
        var result = original.apply(this, arguments);
        page();
        return result;
      };
    });
    window.addEventListener('popstate', page);
    window.addEventListener('hashchange', page);
  }

  var tracker = {
    /** Names the signed-in CRM user; nothing is sent before. */
    identify: function (id) {
      userId = id == null || id === '' ? null : String(id);
      lastPath = null;
      page();
    },
    /** Counts an action that no click shows, such as a saved form. */
    track: function (action, objectId) {
      enqueue({type: 'track', event: String(action), properties: objectId ? {objectId: String(objectId)} : {}});
    },
    flush: flush
  };
  var waiting = window.uptake && window.uptake.q ? window.uptake.q : [];
  window.uptake = tracker;
  window.uptakeTracker = tracker;
  watchNavigation();
  document.addEventListener('click', click, true);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      beacon();
    }
  });
  window.addEventListener('pagehide', beacon);
  waiting.forEach(function (id) {
    tracker.identify(id);
  });
})(window, document);

/* Ecuador's security crisis — host-page script for embeds.
 *
 * Add it once to a page that embeds the explainer (the Embed dialog's snippet does):
 *   <script src="https://…/embed.js" async></script>
 * It resizes every embedded explainer iframe to its content, and tells the page when a reader
 * moves to another deep link inside one (a `ecuador-explainer:state` event on the iframe, whose
 * `detail.hash` the page may mirror; the iframe's `data-hash` attribute holds the latest).
 *
 * A page may also move an embed to a deep link at any time, even before it has loaded, by firing
 * an `ecuador-explainer:navigate` event on the iframe:
 *   frame.dispatchEvent(new CustomEvent('ecuador-explainer:navigate', { detail: { hash: '#map/quito' } }));
 * The latest such link waits until the embed has said hello (its first message), then is sent.
 *
 * It trusts nothing: a message counts only if it comes from the window (`event.source`) of one of
 * the page's explainer iframes (marked `data-ecuador-explainer`, as the snippet writes them), from
 * that iframe's own origin, in the explainer's format, with a whole-number height in a sane
 * range. Everything else is ignored.
 *
 * It logs nothing: a message posted with a specific target origin to a frame that still shows
 * its first, blank document (not loaded yet, or lazy and out of view) makes the browser log an
 * error, so commands wait for the embed's hello, and only the request for a height, which says
 * nothing, is posted to whatever the frame holds.
 */
(function () {
  'use strict';
  if (window.__ecuadorExplainerEmbed) return; // loaded twice: one listener is enough
  window.__ecuadorExplainerEmbed = true;

  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 20000;
  var MAX_HASH = 512;

  function frameFor(source) {
    var frames = document.querySelectorAll('iframe[data-ecuador-explainer]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  function isHash(hash) {
    return typeof hash === 'string' && hash.length <= MAX_HASH && hash.charAt(0) === '#';
  }

  // What this script knows of each frame: whether its embed has said hello from the frame's own
  // origin (so its document is the explainer, listening), and the deep link waiting until then.
  var known = typeof WeakMap === 'function' ? new WeakMap() : null;
  function stateOf(frame) {
    if (!known) return { hello: false, pending: null };
    var state = known.get(frame);
    if (!state) {
      state = { hello: false, pending: null };
      known.set(frame, state);
    }
    return state;
  }

  // The embeds may have posted their height before this script arrived: ask them again, now and
  // whenever one of them loads. The request carries nothing, so it goes to any origin: a frame
  // still blank (or lazy, out of view) ignores it without an error, and the answer is checked
  // below like any other message.
  function requestHeight(frame) {
    if (!frame.contentWindow) return;
    frame.contentWindow.postMessage({ type: 'ecuador-explainer:request-height' }, '*');
  }

  // A deep link for an embed goes only to the explainer's own origin, once it has said hello.
  function sendPending(frame) {
    var state = stateOf(frame);
    var origin = originOf(frame);
    if (!state.hello || !state.pending || !origin || origin === 'null' || !frame.contentWindow) return;
    var hash = state.pending;
    state.pending = null;
    frame.contentWindow.postMessage({ type: 'ecuador-explainer:navigate', hash: hash }, origin);
  }

  function watch(frame) {
    if (frame.__ecuadorExplainerWatched) return;
    frame.__ecuadorExplainerWatched = true;
    frame.addEventListener('load', function () {
      // A new document (a reload, another src) must say hello again before it gets commands.
      stateOf(frame).hello = false;
      requestHeight(frame);
    });
    requestHeight(frame);
  }
  function watchAll() {
    var frames = document.querySelectorAll('iframe[data-ecuador-explainer]');
    for (var i = 0; i < frames.length; i++) watch(frames[i]);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watchAll);
  } else {
    watchAll();
  }

  // The page's commands, fired on an iframe (they do not bubble: listen while capturing).
  document.addEventListener(
    'ecuador-explainer:navigate',
    function (event) {
      var frame = event.target;
      if (!frame || frame.tagName !== 'IFRAME' || !frame.hasAttribute('data-ecuador-explainer')) return;
      var hash = event.detail && event.detail.hash;
      if (!isHash(hash)) return;
      watch(frame);
      stateOf(frame).pending = hash;
      sendPending(frame);
    },
    true,
  );

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    if (data.type !== 'ecuador-explainer:height' && data.type !== 'ecuador-explainer:state') return;
    var frame = frameFor(event.source);
    if (!frame || originOf(frame) !== event.origin) return;
    // The embed has said hello: its document is the explainer's, and it listens.
    var state = stateOf(frame);
    if (!state.hello) {
      state.hello = true;
      sendPending(frame);
    }

    if (data.type === 'ecuador-explainer:height') {
      var height = data.height;
      if (typeof height !== 'number' || !isFinite(height) || Math.floor(height) !== height) return;
      if (height < MIN_HEIGHT || height > MAX_HEIGHT) return;
      frame.style.height = height + 'px';
      frame.setAttribute('height', String(height));
    } else {
      var hash = data.hash;
      if (!isHash(hash)) return;
      frame.setAttribute('data-hash', hash);
      var detail = { hash: hash };
      var custom;
      try {
        custom = new CustomEvent('ecuador-explainer:state', { detail: detail, bubbles: true });
      } catch (e) {
        return;
      }
      frame.dispatchEvent(custom);
    }
  });
})();

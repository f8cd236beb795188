/* Ecuador's security crisis — host-page script for embeds.
 *
 * Add it once to a page that embeds the explainer (the Embed dialog's snippet does):
 *   <script src="https://…/embed.js" async></script>
 * It resizes every embedded explainer iframe to its content, and tells the page when a reader
 * moves to another deep link inside one (a `ecuador-explainer:state` event on the iframe, whose
 * `detail.hash` the page may mirror; the iframe's `data-hash` attribute holds the latest).
 *
 * It trusts nothing: a message counts only if it comes from the window (`event.source`) of one of
 * the page's explainer iframes (marked `data-ecuador-explainer`, as the snippet writes them), from
 * that iframe's own origin, in the explainer's format, with a whole-number height in a sane
 * range. Everything else is ignored.
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

  // The embeds may have posted their height before this script arrived: ask them again, now and
  // whenever one of them loads.
  function requestHeight(frame) {
    var origin = originOf(frame);
    if (!origin || origin === 'null' || !frame.contentWindow) return;
    frame.contentWindow.postMessage({ type: 'ecuador-explainer:request-height' }, origin);
  }
  function requestAll() {
    var frames = document.querySelectorAll('iframe[data-ecuador-explainer]');
    for (var i = 0; i < frames.length; i++) {
      requestHeight(frames[i]);
      frames[i].addEventListener('load', function (event) {
        requestHeight(event.target);
      });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', requestAll);
  } else {
    requestAll();
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    if (data.type !== 'ecuador-explainer:height' && data.type !== 'ecuador-explainer:state') return;
    var frame = frameFor(event.source);
    if (!frame || originOf(frame) !== event.origin) return;

    if (data.type === 'ecuador-explainer:height') {
      var height = data.height;
      if (typeof height !== 'number' || !isFinite(height) || Math.floor(height) !== height) return;
      if (height < MIN_HEIGHT || height > MAX_HEIGHT) return;
      frame.style.height = height + 'px';
      frame.setAttribute('height', String(height));
    } else {
      var hash = data.hash;
      if (typeof hash !== 'string' || hash.length > MAX_HASH || hash.charAt(0) !== '#') return;
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

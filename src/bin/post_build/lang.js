// Runs before the page is drawn (a classic script in <head>): the page of the language the
// address names (`…?lang=es` in the fragment), or, when it names none, of the reader's browser
// language, so a Spanish reader does not see the English page first. Embeds choose their
// language themselves.
//
// A page that stays then asks, at low priority, for the app's code (the wasm-bindgen glue and
// the wasm, the same for both languages) as soon as the first view has painted (an embed, which
// shows nothing without the app, at once): the download runs while the rest of the long first
// view is still being read, instead of after it, and the loader (boot.js) gets these same
// responses when it starts the app. A page that moves to the other language asks for nothing,
// and readers without JavaScript never fetch the app. Written by the post-build tool as
// lang-<hash>.js, with `__GLUE__` and `__WASM__` made this build's file names.
(function () {
  try {
    var pages = { en: "index.html", es: "es.html" };
    var here = document.documentElement.getAttribute("data-page-lang");
    var embed = /[?&]embed=/.test(location.search);
    if (!embed) {
      var named = /[?&]lang=(en|es)(&|$)/.exec(location.hash);
      var want = named ? named[1] : null;
      if (!want && here === "en") {
        var browser = (navigator.languages && navigator.languages[0]) || navigator.language || "";
        if (/^es\b/i.test(browser)) want = "es";
      }
      if (want && want !== here && pages[want]) {
        location.replace(pages[want] + location.search + location.hash);
        return;
      }
    }
    // The loader fetches these same addresses, so the browser hands it these responses.
    var files = [
      ["modulepreload", "./__GLUE__", null],
      ["preload", "./__WASM__", "fetch"],
    ];
    var ask = function () {
      for (var i = 0; i < files.length; i++) {
        var link = document.createElement("link");
        link.rel = files[i][0];
        link.href = files[i][1];
        if (files[i][2]) link.as = files[i][2];
        link.crossOrigin = "anonymous";
        link.setAttribute("fetchpriority", "low");
        document.head.appendChild(link);
      }
    };
    var paints = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (embed) {
      ask();
    } else if (paints && paints.indexOf("paint") >= 0) {
      var observer = new PerformanceObserver(function (list) {
        if (list.getEntriesByName("first-contentful-paint").length) {
          observer.disconnect();
          ask();
        }
      });
      observer.observe({ type: "paint", buffered: true });
    } else {
      // Two frames: the page has been drawn.
      requestAnimationFrame(function () {
        requestAnimationFrame(ask);
      });
    }
  } catch (_) {
    // The page as it is.
  }
})();

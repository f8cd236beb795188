// Runs before the page is drawn (a classic script in <head>): the page of the language the
// address names (`…?lang=es` in the fragment), or, when it names none, of the reader's browser
// language, so a Spanish reader does not see the English page first. Embeds choose their
// language themselves. Written by the post-build tool as lang-<hash>.js.
(function () {
  try {
    var pages = { en: "index.html", es: "es.html" };
    var here = document.documentElement.getAttribute("data-page-lang");
    if (/[?&]embed=/.test(location.search)) return;
    var named = /[?&]lang=(en|es)(&|$)/.exec(location.hash);
    var want = named ? named[1] : null;
    if (!want && here === "en") {
      var browser = (navigator.languages && navigator.languages[0]) || navigator.language || "";
      if (/^es\b/i.test(browser)) want = "es";
    }
    if (want && want !== here && pages[want]) {
      location.replace(pages[want] + location.search + location.hash);
    }
  } catch (_) {
    // The page as it is.
  }
})();

// Small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Preselect the browser's timezone in selects marked data-browser-tz, when still untouched.
  var tz;
  try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { tz = null; }
  if (!tz) { return; }
  document.querySelectorAll("select[data-browser-tz]").forEach(function (select) {
    if (select.dataset.userChosen === "true") { return; }
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === tz) { select.value = tz; break; }
    }
  });
})();

// On a service page opened without ?tz=, show times in the browser's zone (once: the
// reload carries ?tz=, after which the visitor's own choice always wins).
(function () {
  "use strict";
  var form = document.getElementById("tz-form");
  if (!form || form.dataset.autoTz !== "1") { return; }
  var tz;
  try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  var select = form.querySelector("select[name=tz]");
  if (!tz || !select || select.value === tz) { return; }
  // The picker lists only common zones; the server knows every zone. A page that already
  // carries ?tz= (even one the server could not read) is never reloaded.
  var url = new URL(window.location.href);
  if (url.searchParams.has("tz")) { return; }
  url.searchParams.set("tz", tz);
  window.location.replace(url.toString());
})();

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

/* kbgen: the site's one small script (loaded on every page).
 *
 * 1. Open-now indicators: every [data-kb-hours="ID"] element gets "Abierto ahora · cierra a las
 *    20:30" / "Cerrado · abre mañana a las 9:30" (contact channels: "Disponible ahora · hasta las
 *    20:00" / "No disponible · vuelve a las 9:00"), computed from the wall clock of the store's
 *    time zone (Intl) and the hours the build wrote in <script type="application/json" id="ID">
 *    (kbgen.hours.browser_data; the sentence mirrors kbgen.hours.describe). Without JavaScript,
 *    or outside the data's dates, the element keeps its text: today's hours as of the build.
 * 2. "¿Te ha sido útil?" without an analytics provider: Material keeps its feedback form hidden
 *    unless a provider handles it; here it is shown, and a vote goes to the endpoint named in
 *    <meta name="kbgen:feedback-endpoint"> (if any) and to a "kbgen:feedback" DOM event.
 */
(function () {
  "use strict";
  var DAYS = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];
  var MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre"];
  var formats = {};

  function wall(tz, ms) { // the wall clock of tz at ms: day number (days since 1970-01-01) and minute
    var f = formats[tz] || (formats[tz] = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit"}));
    var o = {};
    f.formatToParts(new Date(ms)).forEach(function (p) { o[p.type] = p.value; });
    return {day: Date.UTC(+o.year, +o.month - 1, +o.day) / 864e5, min: (+o.hour % 24) * 60 + +o.minute};
  }

  function dayNumber(iso) {
    var a = iso.split("-");
    return Date.UTC(+a[0], +a[1] - 1, +a[2]) / 864e5;
  }

  // {open, change (minutes from the data's first day, or null), today (index), reason} or null
  function status(data, ms) {
    var w = wall(data.tz, ms), i = w.day - dayNumber(data.from);
    if (i < 1 || i >= data.d.length) return null;
    var now = i * 1440 + w.min, end = data.d.length * 1440, cur = null, res = null;
    function settle(s) { // s: a finished span [start, end]
      if (s[0] <= now && now < s[1]) return {open: true, change: s[1] >= end ? null : s[1]};
      if (s[0] > now) return {open: false, change: s[0]};
      return null;
    }
    for (var j = i - 1; j < data.d.length && !res; j++) {
      var ivs = data.p[data.d[j]];
      for (var k = 0; k < ivs.length; k++) {
        if (j === i - 1 && ivs[k][1] <= 1440) continue;
        var s = j * 1440 + ivs[k][0], e = j * 1440 + ivs[k][1];
        if (cur && s <= cur[1]) { if (e > cur[1]) cur[1] = e; continue; }
        if (cur && (res = settle(cur))) break;
        cur = [s, e];
      }
    }
    if (!res && cur) res = settle(cur);
    res = res || {open: false, change: null};
    res.today = i;
    res.reason = (!res.open && data.r && data.r[String(i)]) || "";
    return res;
  }

  function when(data, today, t) { // ["mañana ", "las 9:30"]
    var d = Math.floor(t / 1440), m = t % 1440, clock;
    if (m === 0) { d -= 1; clock = "medianoche"; } else {
      var h = Math.floor(m / 60), mi = m % 60;
      clock = (h === 1 ? "la " : "las ") + h + ":" + (mi < 10 ? "0" : "") + mi;
    }
    var diff = d - today, date = new Date((dayNumber(data.from) + d) * 864e5);
    var word = diff <= 0 ? "" : diff === 1 ? "mañana " : diff < 7 ? "el " + DAYS[date.getUTCDay()] + " "
      : "el " + date.getUTCDate() + " de " + MONTHS[date.getUTCMonth()] + " ";
    return [word, clock];
  }

  function sentence(data, ms) {
    var st = status(data, ms);
    if (!st) return null;
    var chan = data.kind === "channel", w;
    if (st.open) {
      var head = chan ? "Disponible ahora" : "Abierto ahora";
      if (st.change === null) return [head, "open"];
      w = when(data, st.today, st.change);
      return [head + " · " + (chan ? (w[0] ? "hasta " + w[0] + "a " + w[1] : "hasta " + w[1])
        : "cierra " + w[0] + "a " + w[1]), "open"];
    }
    var text = (chan ? "No disponible" : "Cerrado") + (st.reason ? " (" + st.reason + ")" : "");
    if (st.change !== null) {
      w = when(data, st.today, st.change);
      text += " · " + (chan ? "vuelve " : "abre ") + w[0] + "a " + w[1];
    }
    return [text, "closed"];
  }

  function indicators() {
    var els = document.querySelectorAll("[data-kb-hours]");
    for (var n = 0; n < els.length; n++) {
      var el = els[n], src = document.getElementById(el.getAttribute("data-kb-hours"));
      if (!src) continue;
      try {
        var out = sentence(JSON.parse(src.textContent), Date.now());
        if (!out) continue;
        el.textContent = out[0];
        el.setAttribute("data-state", out[1]);
      } catch (e) { /* keep the build-time text */ }
    }
  }

  function feedback() {
    var form = document.forms.feedback;
    if (!form || typeof window.__md_analytics !== "undefined" || form.getAttribute("data-kb-ready")) return;
    form.setAttribute("data-kb-ready", "1");
    var meta = document.querySelector('meta[name="kbgen:feedback-endpoint"]');
    var endpoint = meta && meta.getAttribute("content");
    var buttons = form.querySelectorAll("[type=submit]");
    for (var n = 0; n < buttons.length; n++) {
      buttons[n].addEventListener("click", function (ev) {
        ev.preventDefault();
        var value = this.getAttribute("data-md-value");
        var vote = {page: document.location.pathname, data: value};
        if (endpoint && navigator.sendBeacon) {
          try { navigator.sendBeacon(endpoint, JSON.stringify(vote)); } catch (e) { /* offline */ }
        }
        document.dispatchEvent(new CustomEvent("kbgen:feedback", {detail: vote}));
        form.firstElementChild.disabled = true;
        var note = form.querySelector(".md-feedback__note [data-md-value='" + value + "']");
        if (note) note.hidden = false;
      });
    }
    form.hidden = false;
  }

  function run() { indicators(); feedback(); }
  window.kbgenHours = {sentence: sentence};
  run();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
  else document.addEventListener("DOMContentLoaded", run);
  setInterval(indicators, 30000);
})();

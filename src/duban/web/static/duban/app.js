// duban front-end glue: htmx CSRF header, small form helpers, and ECharts built from json_script data.
// No inline scripts in the pages: every chart reads its data from a <script type="application/json">.
(function () {
  "use strict";

  function cookie(name) {
    const m = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return m ? decodeURIComponent(m[1]) : "";
  }

  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRFToken"] = cookie("csrftoken");
  });

  function setup() {
    if (window.htmx) {
      // show the server's answer for conflicts and form errors (409/400) instead of dropping it
      htmx.config.responseHandling = [
        { code: "204", swap: false },
        { code: "[23]..", swap: true },
        { code: "40[09]", swap: true, error: false },
        { code: "[45]..", swap: false, error: true },
      ];
    }
    document.querySelectorAll("[data-autosubmit]").forEach(function (el) {
      el.addEventListener("change", function () { el.form.submit(); });
    });
    document.querySelectorAll("[data-check-all]").forEach(function (box) {
      box.addEventListener("change", function () {
        document.querySelectorAll('input[type=checkbox][name="' + box.dataset.checkAll + '"]')
          .forEach(function (c) { c.checked = box.checked; });
      });
    });
    // a suggested department: select the row and pick it as lead
    document.querySelectorAll("[data-set-lead]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        const lead = document.querySelector('select[name="lead"]');
        if (lead) lead.value = btn.dataset.setLead;
        const row = document.querySelector('input[name="items"][value="' + btn.dataset.item + '"]');
        if (row) row.checked = true;
      });
    });
    // a deadline stated in the item's text: select the row and put the phrase in the deadline field
    document.querySelectorAll("[data-set-deadline]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        const phrase = document.querySelector('input[name="deadline_phrase"]');
        if (phrase) phrase.value = btn.dataset.setDeadline;
        const row = document.querySelector('input[name="items"][value="' + btn.dataset.item + '"]');
        if (row) row.checked = true;
      });
    });
    drawCharts(document);
  }

  const LIGHT = { red: "#dc2626", yellow: "#eab308", green: "#16a34a" };

  function options(kind, d) {
    switch (kind) {
      case "item": {
        // the target as a band (range) or a line, actual values as points; with no actual yet the
        // target alone still shows, at the target's period
        const pts = d.points || [];
        const cats = pts.length ? pts.map(p => p.t) : [d.period || ""];
        const series = [];
        if (d.low !== null && d.low !== undefined) {
          const band = d.cmp === "range" && d.high !== null && d.high !== d.low;
          series.push({ type: "line", name: d.labels.target, data: cats.map(() => d.low), symbol: "diamond",
            symbolSize: 10, itemStyle: { color: "#16a34a" }, lineStyle: { color: "#16a34a", type: "dashed" },
            markLine: { symbol: "none", silent: true, lineStyle: { color: "#16a34a", type: "dashed" },
              data: band ? [{ yAxis: d.low }, { yAxis: d.high }] : [{ yAxis: d.low }] },
            markArea: band ? { silent: true, itemStyle: { color: "rgba(22,163,74,0.12)" },
              data: [[{ yAxis: d.low }, { yAxis: d.high }]] } : undefined });
        }
        series.push({ type: "line", name: d.labels.actual, data: pts.map(p => p.value), symbolSize: 9,
          itemStyle: { color: "#1d4ed8" } });
        return { tooltip: { trigger: "axis" }, legend: {}, xAxis: { type: "category", data: cats },
          yAxis: { type: "value", name: d.unit || "", scale: true }, series: series };
      }
      case "themes":
        return { tooltip: { trigger: "axis" }, legend: {}, grid: { left: 220 },
          xAxis: { type: "value" }, yAxis: { type: "category", data: d.themes, inverse: true,
            axisLabel: { width: 200, overflow: "truncate" } },
          series: d.series.map(s => ({ type: "bar", stack: "n", name: s.name, data: s.data })) };
      case "status":
        return { tooltip: {}, series: [{ type: "pie", radius: ["40%", "70%"], data: d.status }] };
      case "lights":
        return { tooltip: {}, series: [{ type: "pie", radius: ["40%", "70%"],
          data: d.lights.map(x => ({ name: x.name, value: x.value, itemStyle: { color: LIGHT[x.color] } })) }] };
      case "compare":
        return { tooltip: { trigger: "axis" }, legend: {}, xAxis: { type: "category", data: d.periods },
          yAxis: { type: "value", name: d.unit || "", scale: true },
          series: d.series.map(s => ({ type: "line", name: s.name, data: s.data, connectNulls: true,
            symbolSize: 8 })) };
    }
    return null;
  }

  function drawCharts(root) {
    if (!window.echarts) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      const src = document.getElementById(el.dataset.source);
      if (!src) return;
      const opt = options(el.dataset.chart, JSON.parse(src.textContent));
      if (!opt) return;
      const chart = echarts.init(el);
      chart.setOption(opt);
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
